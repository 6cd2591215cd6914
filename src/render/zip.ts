// Identical input, identical bytes: docx's varying parts (core.xml dates, zip entry times) pinned to the meeting date.
/** XML text escaping for the few values we write into package parts ourselves. */
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * docProps/core.xml as docx writes it, but with `created` and `modified` pinned to `date` at midnight UTC
 * (handed to docx as an override, so its own timestamps never enter the package).
 */
export function coreXml(meta: { title: string; subject?: string; author: string; date: string }): string {
  const stamp = `${checkedDate(meta.date)}T00:00:00Z`;
  const text = (tag: string, value: string | undefined) => (value === undefined ? '' : `<${tag}>${escapeXml(value)}</${tag}>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `${text('dc:title', meta.title)}${text('dc:subject', meta.subject)}${text('dc:creator', meta.author)}` +
    `${text('cp:lastModifiedBy', meta.author)}<cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`
  );
}

function checkedDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new Error(`invalid document date "${date}" (expected YYYY-MM-DD)`);
  }
  return date;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Set every entry's modification time in a zip to `date` 00:00, in place. The time and date are plain
 * fields of each local and central header (PKWARE APPNOTE 4.3.7, 4.3.12), outside the CRC and the
 * compressed data, so pinning them needs no re-compression — the rest of docx's output is already the
 * same for the same input.
 */
export function pinZipTimes(zip: Uint8Array, date: string): Uint8Array {
  const [y, m, d] = checkedDate(date).split('-').map(Number) as [number, number, number];
  const dosDate = ((Math.max(y, 1980) - 1980) << 9) | (m << 5) | d;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.byteLength - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== EOCD) eocd--;
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error('zip central directory is damaged');
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error('zip local header is damaged');
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}
