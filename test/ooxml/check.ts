// The project's OOXML check: every XML part of a .docx/.xlsx against the vendored ISO/IEC 29500 schemas, with xmllint.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/** The vendored schemas: ISO/IEC 29500-4:2016 (transitional), the OPC part of ECMA-376 and markup compatibility. */
export const SCHEMA_DIR = fileURLToPath(new URL('./schemas/', import.meta.url));

/** One checked part: where it is, and xmllint's messages when it does not conform (empty when it does). */
export interface PartResult {
  file: string;
  part: string;
  errors: string[];
}

/**
 * Which schema a part is checked against, by its name in the package. docProps/core.xml is left out: its schema
 * imports Dublin Core from the network, and a test must not reach out.
 */
const PART_SCHEMAS: ReadonlyArray<[(name: string) => boolean, string]> = [
  [(n) => n.endsWith('.rels'), 'opc/opc-relationships.xsd'],
  [(n) => n === '[Content_Types].xml', 'opc/opc-contentTypes.xsd'],
  [(n) => n === 'docProps/app.xml', 'ISO-IEC29500-4_2016/shared-documentPropertiesExtended.xsd'],
  [(n) => n === 'docProps/custom.xml', 'ISO-IEC29500-4_2016/shared-documentPropertiesCustom.xsd'],
  [(n) => n.includes('/theme/'), 'ISO-IEC29500-4_2016/dml-main.xsd'],
  [(n) => n.startsWith('word/') && n.endsWith('.xml'), 'ISO-IEC29500-4_2016/wml.xsd'],
  [(n) => n.startsWith('xl/') && n.endsWith('.xml') && !n.includes('/drawings/'), 'ISO-IEC29500-4_2016/sml.xsd'],
];

/**
 * Namespaces the transitional schemas define. Anything else is an extension (Word 2010+ attributes under
 * mc:Ignorable, x14ac, …) that a consumer who does not know it ignores, so it is removed before checking, as are
 * extension lists (extLst), whose content is by definition outside the standard.
 */
const KNOWN_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/math',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://schemas.openxmlformats.org/schemaLibrary/2006/main',
  'http://schemas.openxmlformats.org/drawingml/2006/main',
  'http://schemas.openxmlformats.org/drawingml/2006/picture',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes',
  'http://www.w3.org/XML/1998/namespace',
  'http://schemas.openxmlformats.org/package/2006/content-types',
  'http://schemas.openxmlformats.org/package/2006/relationships',
  'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
  'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties',
  'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes',
  'http://www.w3.org/2001/XMLSchema-instance',
]);

const ATTR = '@_';
type XmlNode = Record<string, unknown>;
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  trimValues: false,
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: false,
  ignorePiTags: false,
  commentPropName: '#comment',
});
const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  processEntities: false,
  suppressEmptyNode: true,
  commentPropName: '#comment',
});

/** The namespace a prefixed name belongs to in `scope`; `xml:` is fixed by the XML standard. */
function namespaceOf(name: string, scope: Map<string, string>): string | undefined {
  const colon = name.indexOf(':');
  if (colon < 0) return scope.get('');
  const prefix = name.slice(0, colon);
  return prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : scope.get(prefix);
}

/** The element's name in a preserveOrder node (the one key that is not its attributes). */
const tagOf = (node: XmlNode): string | undefined => Object.keys(node).find((k) => k !== ':@');

/** Remove, in place, the attributes and elements of namespaces outside the standard, and every extLst. */
function stripExtensions(nodes: XmlNode[], outer: Map<string, string>): XmlNode[] {
  const kept: XmlNode[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === undefined || tag.startsWith('#') || tag.startsWith('?')) {
      kept.push(node);
      continue;
    }
    const attrs = (node[':@'] ?? {}) as Record<string, string>;
    const scope = new Map(outer);
    for (const [key, value] of Object.entries(attrs)) {
      const name = key.slice(ATTR.length);
      if (name === 'xmlns') scope.set('', value);
      else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
    }
    const ns = namespaceOf(tag, scope);
    if (tag.includes(':') && (ns === undefined || !KNOWN_NAMESPACES.has(ns))) continue;
    if (tag === 'extLst' || tag.endsWith(':extLst')) continue;
    for (const key of Object.keys(attrs)) {
      const name = key.slice(ATTR.length);
      if (name === 'xmlns' || name.startsWith('xmlns:') || !name.includes(':')) continue;
      const attrNs = namespaceOf(name, scope);
      if (attrNs === undefined || !KNOWN_NAMESPACES.has(attrNs)) delete attrs[key];
    }
    node[tag] = stripExtensions(node[tag] as XmlNode[], scope);
    kept.push(node);
  }
  return kept;
}

/** The part as the standard sees it: its XML with the extensions removed. */
export function standardPart(xml: string): string {
  return builder.build(stripExtensions(parser.parse(xml) as XmlNode[], new Map())) as string;
}

/**
 * Check every XML part of each package. Parts are grouped by schema so that xmllint loads each schema once per
 * call, not once per part: wml.xsd alone takes a good part of a second to load.
 */
export function checkOoxml(files: string[]): PartResult[] {
  const work = mkdtempSync(join(tmpdir(), 'cellctl-ooxml-'));
  try {
    const bySchema = new Map<string, Array<{ file: string; part: string; path: string }>>();
    let n = 0;
    for (const file of files) {
      const entries = unzipSync(new Uint8Array(readFileSync(file)));
      for (const [part, bytes] of Object.entries(entries)) {
        const schema = PART_SCHEMAS.find(([matches]) => matches(part))?.[1];
        if (!schema || part.endsWith('/')) continue;
        const dir = join(work, String(n++));
        mkdirSync(dir);
        const path = join(dir, basename(part).replace(/[^\w.-]/g, '_'));
        writeFileSync(path, standardPart(Buffer.from(bytes).toString('utf8')));
        const list = bySchema.get(schema) ?? [];
        list.push({ file, part, path });
        bySchema.set(schema, list);
      }
    }
    const results: PartResult[] = [];
    for (const [schema, parts] of bySchema) {
      const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(SCHEMA_DIR, schema), ...parts.map((p) => p.path)], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      if (run.error) throw new Error(`xmllint could not be started (Debian: apt-get install libxml2-utils): ${run.error.message}`);
      const lines = run.stderr.split('\n').filter((l) => l.trim() !== '' && !/ validates$/.test(l));
      for (const p of parts) {
        const errors = lines.filter((l) => l.startsWith(p.path)).map((l) => `${p.part}${l.slice(p.path.length)}`);
        results.push({ file: p.file, part: p.part, errors });
      }
      // A message xmllint could not tie to a part (a schema that fails to load) must not pass silently.
      const orphans = lines.filter((l) => !parts.some((p) => l.startsWith(p.path)));
      if (orphans.length > 0 || (run.status !== 0 && lines.length === 0)) {
        results.push({ file: parts[0].file, part: schema, errors: orphans.length > 0 ? orphans : [`xmllint exited ${run.status}`] });
      }
    }
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
