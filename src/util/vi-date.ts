// Dates the Party's way (HD 36-HD/VPTW): the day padded 01–09, the month padded only for 01 and 02.

function parts(iso: string): { d: string; m: string; y: string } {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const month = Number(m);
  return { d: d.padStart(2, '0'), m: month <= 2 ? String(month).padStart(2, '0') : String(month), y };
}

/** `2024-06-05` → `05/6/2024`; `2026-01-09` → `09/01/2026`. */
export function shortDate(iso: string): string {
  const { d, m, y } = parts(iso);
  return `${d}/${m}/${y}`;
}

/** `2024-06-05` → `ngày 05 tháng 6 năm 2024`. */
export function longDate(iso: string): string {
  const { d, m, y } = parts(iso);
  return `ngày ${d} tháng ${m} năm ${y}`;
}
