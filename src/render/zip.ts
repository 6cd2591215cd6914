// Re-packs a .docx so that identical input gives identical bytes: fixed timestamps, fixed entry order, DEFLATE.
import JSZip from 'jszip';

const CORE = 'docProps/core.xml';
/** Parts a reader looks for first; the rest follow in code-point order. */
const FIRST = ['[Content_Types].xml', '_rels/.rels'];

/**
 * The same package with every varying byte pinned: `dcterms:created` and `dcterms:modified` in
 * docProps/core.xml set to `date` at midnight UTC, every zip entry dated the same, the entries in a fixed
 * order (no folder entries), DEFLATE compression. `date` is `YYYY-MM-DD`.
 */
export async function repackDeterministic(packed: Buffer | Uint8Array, date: string): Promise<Buffer> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new Error(`invalid document date "${date}" (expected YYYY-MM-DD)`);
  }
  const stamp = `${date}T00:00:00Z`;
  // A zip entry's DOS timestamp cannot go below 1980; JSZip writes it from the UTC fields.
  const entryDate = new Date(Math.max(Date.parse(stamp), Date.UTC(1980, 0, 1)));

  const source = await JSZip.loadAsync(packed);
  const names = Object.keys(source.files).filter((name) => !source.files[name]!.dir);
  names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));

  const out = new JSZip();
  for (const name of names) {
    let data: Uint8Array | string = await source.files[name]!.async('uint8array');
    if (name === CORE) {
      data = new TextDecoder().decode(data).replace(
        /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_m, open: string, _tag: string, close: string) => `${open}${stamp}${close}`,
      );
    }
    out.file(name, data, { date: entryDate, createFolders: false, binary: typeof data !== 'string' });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

function rank(name: string): number {
  const i = FIRST.indexOf(name);
  return i < 0 ? FIRST.length : i;
}
