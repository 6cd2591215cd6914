// A broken office template never shows a raw JavaScript message: file, line and what is wrong, in Vietnamese.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_CELL, BASE_MEETING, runCli, writeTree } from '../helpers.js';

const cases: { name: string; line: string; says: RegExp }[] = [
  { name: '{{#each}} without a list', line: '<p>{{#each}}x{{/each}}</p>', says: /\{\{#each\}\} cần đúng một giá trị/ },
  { name: '{{#if}} with two values', line: '<p>{{#if cellName venue}}x{{/if}}</p>', says: /\{\{#if\}\} cần đúng một giá trị, có 2/ },
  { name: '{{#with}} without a group', line: '<p>{{#with}}x{{/with}}</p>', says: /\{\{#with\}\} cần đúng một giá trị/ },
  { name: 'a field of a text', line: '<p>{{cellName.length}}</p>', says: /"cellName" là chữ, không có trường "length"/ },
  { name: '{{lookup}} with one value', line: '<p>{{lookup steps}}</p>', says: /\{\{lookup\}\} cần 2 giá trị, có 1/ },
  { name: 'an internal Handlebars name', line: '<p>{{helperMissing}}</p>', says: /"helperMissing" là tên dành riêng của Handlebars/ },
  { name: '{{each}} written without #', line: '<p>{{each steps}}</p>', says: /\{\{each\}\} chỉ dùng dạng khối: \{\{#each …\}\}…\{\{\/each\}\}/ },
  { name: 'a partial including itself', line: '<p>{{> diem-danh}}</p>', says: /mẫu con gọi lại chính nó/ },
];

describe('template errors through cellctl render --templates', () => {
  for (const c of cases) {
    it(`${c.name}: names the file and the line, in Vietnamese`, async () => {
      const dir = writeTree({
        'cell.yaml': BASE_CELL,
        'meetings/2026-03.yaml': BASE_MEETING,
        'mau/partials/diem-danh.hbs': `{{!-- mẫu riêng --}}\n<p>Điểm danh</p>\n${c.line}\n`,
      });
      const run = await runCli(['render', join(dir, 'meetings', '2026-03.yaml'), '--out', join(dir, 'out'), '--templates', join(dir, 'mau')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${join(dir, 'mau', 'partials', 'diem-danh.hbs')}:3: `);
      expect(run.stderr).toMatch(c.says);
      expect(run.stderr).not.toMatch(/Cannot |Must pass|requires exactly|is not a function|lookupProperty|operator|\n\s+at /u);
    });
  }
});
