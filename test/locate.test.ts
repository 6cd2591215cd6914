// locate(): JSON Pointers to YAML positions, for values, keys, flow and block styles, and missing paths.
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { locateNode, pointerSegments } from '../src/source/locate.js';

function at(text: string, pointer: string, key = false) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return locateNode(doc, lineCounter, pointer, key);
}

const TEXT = [
  'kind: regular', // 1
  'date: 2026-03-05', // 2
  'attendance:', // 3
  '  - member: Nguyễn Văn An', // 4
  '    status: present', // 5
  '  - { member: Trần Thị Bình, status: excused }', // 6
  'vote:', // 7
  '  for: 7', // 8
  'empty:', // 9
  'a/b: 1', // 10
  'ti~lde: 2', // 11
].join('\n');

describe('locate', () => {
  it('finds top-level values and keys', () => {
    expect(at(TEXT, '/date')).toEqual({ line: 2, column: 7 });
    expect(at(TEXT, '/date', true)).toEqual({ line: 2, column: 1 });
  });

  it('walks block sequences and mappings', () => {
    expect(at(TEXT, '/attendance/0/status')).toEqual({ line: 5, column: 13 });
    expect(at(TEXT, '/attendance/0')).toEqual({ line: 4, column: 5 });
    expect(at(TEXT, '/vote/for')).toEqual({ line: 8, column: 8 });
  });

  it('walks flow mappings', () => {
    expect(at(TEXT, '/attendance/1/status')).toEqual({ line: 6, column: 38 });
    expect(at(TEXT, '/attendance/1/member', true)).toEqual({ line: 6, column: 7 });
  });

  it('counts columns in characters of Vietnamese text', () => {
    const text = 'chair: Nguyễn Văn An\nsecretary: Trần Thị Bình\n';
    expect(at(text, '/secretary')).toEqual({ line: 2, column: 12 });
  });

  it('falls back to the deepest existing node for a missing path', () => {
    expect(at(TEXT, '/attendance/7/status')).toEqual({ line: 4, column: 3 });
    expect(at(TEXT, '/vote/against')).toEqual({ line: 8, column: 3 });
    expect(at(TEXT, '/nothing/here')).toEqual({ line: 1, column: 1 });
  });

  it('points at the key of a property with no value', () => {
    expect(at(TEXT, '/empty')).toEqual({ line: 9, column: 1 });
  });

  it('unescapes ~1 and ~0 in pointers (RFC 6901)', () => {
    expect(pointerSegments('/a~1b/ti~0lde')).toEqual(['a/b', 'ti~lde']);
    expect(at(TEXT, '/a~1b')).toEqual({ line: 10, column: 6 });
    expect(at(TEXT, '/ti~0lde')).toEqual({ line: 11, column: 9 });
  });

  it('handles CRLF line ends', () => {
    expect(at('kind: regular\r\ndate: 2026-03-05\r\n', '/date')).toEqual({ line: 2, column: 7 });
  });

  it('matches keys written decomposed (NFD) against NFC pointers', () => {
    const text = `${'điểm'.normalize('NFD')}: 5\n`;
    expect(at(text, `/${'điểm'.normalize('NFC')}`)).toEqual({ line: 1, column: 1 + 'điểm'.normalize('NFD').length + 2 });
  });

  it('returns 1:1 for the root and for an empty document', () => {
    expect(at(TEXT, '')).toEqual({ line: 1, column: 1 });
    expect(at('', '/x')).toEqual({ line: 1, column: 1 });
  });
});

describe('the root of a document, located without parsing', () => {
  it('agrees with the parsed document on where content starts', async () => {
    const { contentStart } = await import('../src/source/yaml.js');
    for (const text of ['kind: x\n', '# c\n\n# d\nkind: x\n', '  \n  kind: x\n', '%YAML 1.2\n# x\nkind: y\n', '\r\n# c\r\nname: A\r\n']) {
      expect(contentStart(text), JSON.stringify(text)).toEqual(at(text, ''));
    }
    expect(contentStart('---\nkind: x\n')).toBeUndefined();
  });
});
