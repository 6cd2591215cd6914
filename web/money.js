// Money as a secretary types it (560.000, 560 000, 560.000 đ) read as whole đồng, and what cannot be read for sure said so.

/** `1250000` → `1.250.000`: thousands grouped by dots, the Vietnamese way. */
export function showMoney(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

// A currency word after the figure: đ, đồng, d, vnđ, vnd (any case, with or without a space or a dot).
const UNIT = /\s*(?:đồng|đ|vnđ|vnd|d)\.?\s*$/iu;
// Spaces people group thousands with: a plain space, a no-break space, a narrow no-break space.
const SPACE = /[ \u00A0\u202F]/g;

/**
 * Read a sum of money in đồng: `{ ok: true, value }` for a whole number written plainly or grouped by
 * thousands with dots or spaces, `{ ok: true, value: '' }` for nothing, else `{ ok: false, message }` in
 * Vietnamese. Nothing is guessed: `560,5` or `56.00` could mean more than one sum, so they are a message.
 */
export function readMoney(text) {
  const raw = String(text ?? '').normalize('NFC').trim();
  const bare = raw.replace(UNIT, '').trim();
  if (bare === '') return raw === '' ? { ok: true, value: '' } : { ok: false, message: `“${raw}” chưa có số tiền. Ghi số đồng, ví dụ 560.000.` };
  if (/^-/.test(bare)) return { ok: false, message: `Số tiền không thể âm (“${raw}”). Ghi số đồng đã thu, ví dụ 560.000.` };
  if (bare.includes(',')) {
    return { ok: false, message: `Không rõ số tiền “${raw}”: dấu phẩy là phần lẻ, mà đảng phí tính tròn đồng. Ghi số đồng, nhóm nghìn bằng dấu chấm, ví dụ 560.000.` };
  }
  const compact = bare.replace(SPACE, ' ');
  if (/^\d+$/.test(compact)) return { ok: true, value: Number(compact) };
  // Groups of three after the first, all with one separator: 1.250.000 or 1 250 000.
  const grouped = /^\d{1,3}(?:([. ])\d{3})(?:\1\d{3})*$/.exec(compact);
  if (grouped) return { ok: true, value: Number(compact.replace(/[. ]/g, '')) };
  if (/^[\d. ]+$/.test(compact)) {
    return { ok: false, message: `Không rõ số tiền “${raw}”: sau mỗi dấu chấm phải đủ ba chữ số (nhóm nghìn). Ghi ví dụ 560.000 hoặc 560000.` };
  }
  return { ok: false, message: `“${raw}” không phải số tiền. Ghi số đồng bằng chữ số, ví dụ 560.000.` };
}
