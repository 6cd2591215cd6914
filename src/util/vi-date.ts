// Dates the Party's way (HD 36-HD/VPTW): the day padded 01–09, the month padded only for 01 and 02.

/** A month as Party documents write it: `01`, `02`, then `3` … `12`. */
export function partyMonth(month: number): string {
  return month <= 2 ? String(month).padStart(2, '0') : String(month);
}

function parts(iso: string): { d: string; m: string; y: string } {
  const [y, m, d] = iso.split('-') as [string, string, string];
  return { d: d.padStart(2, '0'), m: partyMonth(Number(m)), y };
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

/** `3` → `III`: quarters (quý III), terms and section numbers as Party documents write them. */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, numeral] of table) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}
