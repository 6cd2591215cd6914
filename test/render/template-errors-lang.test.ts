// A broken office template explained in the language asked for: Vietnamese without an English gloss, or English.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CellProfile, MeetingRecord } from '../../src/model.js';
import { resolveLayout } from '../../src/render/layout.js';
import { renderBlocks } from '../../src/render/templates.js';
import { buildViewModel } from '../../src/render/viewmodel.js';
import { parseYaml } from '../../src/source/yaml.js';
import { BASE_CELL, BASE_MEETING, ROOT, runCli, writeTree } from '../helpers.js';
import { templateErrorOf } from './template-error.js';

/** English words in parentheses: the gloss the Vietnamese messages used to carry. */
const GLOSS = /\([a-z][a-z ,'-]*\)/u;
/** Any Vietnamese letter (Latin-1 and Latin Extended Additional): none may be left in an English message here. */
const VIETNAMESE = /[\u00C0-\u024F\u1E00-\u1EFF]/u;

const cases: { name: string; line: string; where: (partial: string, main: string) => string; vi: string[]; en: string[] }[] = [
  {
    name: 'an unknown field with a suggestion',
    line: '<p>{{secretary.nam}}</p>',
    where: (partial) => `${partial}:3: `,
    vi: ['trường "secretary.nam" không có trong dữ liệu (có phải "name"?)'],
    en: ['the data has no field "secretary.nam" (did you mean "name"?)'],
  },
  {
    name: 'an unknown tag',
    line: '<h4>x</h4>',
    where: (partial) => `${partial}:3: `,
    vi: ['thẻ <h4> không có trong mã đánh dấu (có phải <h1>?); các thẻ dùng được: <document> <header>'],
    en: ['the markup has no tag <h4> (did you mean <h1>?); the tags are: <document> <header>'],
  },
  {
    name: 'an unclosed block',
    line: '{{#if guests}}<p>x</p>',
    where: (partial) => `${partial}:3: `,
    vi: ['khối {{#if}} mở ở dòng này chưa được đóng bằng {{/if}}'],
    en: ['the block {{#if}} opened on this line is not closed by {{/if}}'],
  },
  {
    name: 'a helper given a value of the wrong kind',
    line: '<p>{{shortDate 5}}</p>',
    where: (partial) => `${partial}:3: `,
    vi: ['{{shortDate}}: cần một ngày dạng YYYY-MM-DD, nhận được "5"'],
    en: ['{{shortDate}}: needs a date written YYYY-MM-DD, got "5"'],
  },
  {
    name: 'malformed markup, found only in the generated text',
    line: '<p><b>x</p>',
    where: (_, main) => `${main}: `,
    vi: ['mã đánh dấu sai cấu trúc (thẻ chưa đóng hoặc đóng sai thứ tự?)', '«<p><b>x</p>»', /\[dòng \d+ của mã đánh dấu sinh ra\]$/mu.source],
    en: ['malformed markup (a tag left open or closed out of order?)', '«<p><b>x</p>»', /\[line \d+ of the generated markup\]$/mu.source],
  },
];

/** `expected` as a literal, or as a regular expression when it is the source of one (starts with `\[`). */
function expectSays(stderr: string, expected: string): void {
  if (expected.startsWith('\\[')) expect(stderr).toMatch(new RegExp(expected, 'mu'));
  else expect(stderr).toContain(expected);
}

describe('template errors in Vietnamese or English', () => {
  for (const c of cases) {
    it(`${c.name}: Vietnamese by default, English with CELLCTL_LANG=en and with --lang en, file and line named`, async () => {
      const dir = writeTree({
        'cell.yaml': BASE_CELL,
        'meetings/2026-03.yaml': BASE_MEETING,
        'mau/partials/diem-danh.hbs': `{{!-- mẫu riêng --}}\n<p>Điểm danh</p>\n${c.line}\n`,
      });
      const partial = join(dir, 'mau', 'partials', 'diem-danh.hbs');
      // The main file is the shipped one, whatever path it is shown by: only the name is checked.
      const args = ['render', join(dir, 'meetings', '2026-03.yaml'), '--out', join(dir, 'out'), '--templates', join(dir, 'mau')];

      const vi = await runCli(args);
      expect(vi.code).toBe(2);
      expect(vi.stderr).toContain(c.where(partial, 'bien-ban.hbs'));
      for (const says of c.vi) expectSays(vi.stderr, says);
      expect(vi.stderr).not.toMatch(GLOSS);
      expect(vi.stderr).not.toMatch(/generated markup|did you mean/u);

      for (const en of [await runCli(args, { env: { CELLCTL_LANG: 'en' } }), await runCli([...args, '--lang', 'en'])]) {
        expect(en.code).toBe(2);
        expect(en.stderr).toContain(c.where(partial, 'bien-ban.hbs'));
        for (const says of c.en) expectSays(en.stderr, says);
        expect(en.stderr).not.toMatch(VIETNAMESE);
      }
    });
  }
});

const CELL_DIR = join(ROOT, 'examples', 'chi-bo-khu-dan-cu-12');
const load = <T>(rel: string): T => parseYaml(readFileSync(join(CELL_DIR, rel), 'utf8')).data as T;
const JUNE = buildViewModel(load<MeetingRecord>('meetings/2026-06.yaml'), load<CellProfile>('cell.yaml'), resolveLayout());

// Every other message of the template checks and of filling a template, each from line 3 of a user partial.
const more: [string, string][] = [
  ['<p>{{#each}}x{{/each}}</p>', '{{#each}} takes exactly one value, not 0; e.g. {{#each guests}}…{{/each}}'],
  ['<p>{{#if cellName venue}}x{{/if}}</p>', '{{#if}} takes exactly one value, not 2'],
  ['<p>{{lookup steps}}</p>', '{{lookup}} takes 2 values, not 1; e.g. {{lookup steps 0}}'],
  ['<p>{{each steps}}</p>', '{{each}} is written only as a block: {{#each …}}…{{/each}}'],
  ['<p>{{helperMissing}}</p>', '"helperMissing" is a name Handlebars keeps for itself, not a data field'],
  ['<p>{{{cellName}}}</p>', '{{{…}}} and {{&…}} are not allowed'],
  ['<p>{{uper cellName}}</p>', 'there is no helper "uper" (did you mean "upper"?); the helpers are: upper,'],
  ['<p>{{> (lookup . "x")}}</p>', 'a partial must be named as it is, not computed'],
  ['<p>{{> diem-dan}}</p>', 'there is no partial "diem-dan" in the partials folder (did you mean "diem-danh"?)'],
  ['{{#* inline "x"}}y{{/inline}}', 'decorators {{* …}} are not allowed'],
  ['<p>{{#if}</p>', 'Handlebars syntax error: '],
  ['<p>{{> diem-danh}}</p>', 'a partial includes itself (directly or through another partial) without end; remove this {{> …}}'],
  ['<p>{{cellName.length}}</p>', '"cellName" is text and has no field "length"; remove ".length"'],
  ['<p>{{chair}}</p>', '"chair" is a group of fields (name, roleTitle), not text to print; write one of its fields, e.g. {{chair.name}}'],
  ['<p>{{#if guets}}x{{/if}}</p>', 'the data has no field "guets" (did you mean "guests"?)'],
  ['<p>{{inc}}</p>', '{{inc}}: takes 1 value, not 0'],
  ['<p>{{upper}}</p>', '{{upper}}: needs a value, or the block form {{#upper}}…{{/upper}}'],
  ['<p>{{inc "x"}}</p>', '{{inc}}: needs a number, got "x"'],
  ['<p>{{time 5}}</p>', '{{time}}: needs a time written HH:MM, got "5"'],
];

describe('every template message in both languages', () => {
  for (const [line, english] of more) {
    it(line, () => {
      const dir = writeTree({ 'partials/diem-danh.hbs': `{{!-- mẫu riêng --}}\n<p>Điểm danh</p>\n${line}\n` });
      const e = templateErrorOf(() => renderBlocks('bien-ban', JUNE, dir));
      const at = `${join(dir, 'partials', 'diem-danh.hbs')}:3: `;
      expect(e.message.startsWith(at)).toBe(true);
      expect(e.message).not.toMatch(GLOSS);
      expect(e.message).not.toMatch(/did you mean|takes |needs /u);
      expect(e.text('en').startsWith(at)).toBe(true);
      expect(e.text('en')).toContain(english);
      expect(e.text('en')).not.toMatch(VIETNAMESE);
    });
  }

  it('a template that cannot be read: the reason in either language', () => {
    const dir = writeTree({ 'partials/diem-danh.hbs': '<p>x</p>\n' });
    mkdirSync(join(dir, 'partials', 'thu-muc.hbs'));
    const e = templateErrorOf(() => renderBlocks('bien-ban', JUNE, dir));
    expect(e.message).toBe(`${join(dir, 'partials', 'thu-muc.hbs')}: không đọc được tệp mẫu: Đây là thư mục, không phải tệp.`);
    expect(e.text('en')).toBe(`${join(dir, 'partials', 'thu-muc.hbs')}: cannot read the template: This is a directory, not a file.`);
  });
});
