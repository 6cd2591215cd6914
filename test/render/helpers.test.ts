// Template helpers: Vietnamese formatting, plain-text results escaped once, clear errors with the line.
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { createHandlebars, HELPER_NAMES, HelperError, HELPERS } from '../../src/render/helpers.js';

const hb = createHandlebars();
const render = (source: string, data: unknown = {}): string => hb.compile(source, { strict: true })(data);

describe('helpers', () => {
  it('are registered on a private instance, not on the global Handlebars', () => {
    expect(Object.keys(Handlebars.helpers)).not.toContain('voteSentence');
    expect(Object.keys(hb.helpers)).toEqual(expect.arrayContaining(Object.keys(HELPERS)));
    expect(HELPER_NAMES).toEqual(expect.arrayContaining(['upper', 'longDate', 'shortDate', 'time', 'voteSentence', 'docNumber', 'percent', 'money', 'inc', 'roman', 'eq', 'if', 'each']));
  });

  it('format dates, times, numbers, money and percentages the Vietnamese way', () => {
    expect(render('{{longDate d}}', { d: '2024-06-05' })).toBe('ngày 05 tháng 6 năm 2024');
    expect(render('{{longDate d}}', { d: '2026-01-09' })).toBe('ngày 09 tháng 01 năm 2026');
    expect(render('{{shortDate d}}', { d: '2018-02-20' })).toBe('20/02/2018');
    expect(render('{{time t}}', { t: '19:30' })).toBe('19 giờ 30 phút');
    expect(render('{{time t}}', { t: '7:05' })).toBe('7 giờ 05 phút');
    expect(render('{{voteSentence 20 22}}')).toBe('20/22 đồng chí tán thành, đạt 90,9%');
    expect(render('{{docNumber 5}}')).toBe('Số 05-NQ/CB');
    expect(render('{{docNumber 7 "BB"}}')).toBe('Số 07-BB/CB');
    expect(render('{{percent 19 19}} {{percent 19 20}} {{percent 1 3}}')).toBe('100% 95% 33,3%');
    expect(render('{{money 1255000}} đồng')).toBe('1.255.000 đồng');
    expect(render('{{decimal 92.5}}')).toBe('92,5');
    expect(render('{{inc 0}}.{{roman 3}}.{{letter 5}}.{{letter 6}}')).toBe('1.III.đ.e');
  });

  it('print nothing for an absent (null) value', () => {
    expect(render('[{{longDate d}}|{{money m}}|{{docNumber n}}|{{upper u}}]', { d: null, m: null, n: null, u: null })).toBe('[|||]');
  });

  it('upper-case with diacritics, inline and as a block that leaves tags and entities alone', () => {
    expect(render('{{upper x}}', { x: 'đảng ủy phường Hoàng Liệt' })).toBe('ĐẢNG ỦY PHƯỜNG HOÀNG LIỆT');
    expect(render('{{#upper}}nhiệm vụ tháng {{m}} <i>kèm</i> & {{x}}{{/upper}}', { m: '6 năm 2026', x: 'A&b' })).toBe(
      'NHIỆM VỤ THÁNG 6 NĂM 2026 <i>KÈM</i> & A&amp;B',
    );
  });

  it('return plain text that Handlebars escapes once, never markup built from user text', () => {
    expect(render('{{upper x}}', { x: '<b>x</b> & "q"' })).toBe('&lt;B&gt;X&lt;/B&gt; &amp; &quot;Q&quot;');
    const samples: Record<string, unknown[]> = {
      upper: ['<x>'], longDate: ['2026-06-05'], shortDate: ['2026-06-05'], time: ['19:30'], voteSentence: [1, 2],
      docNumber: [1], percent: [1, 2], money: [1], decimal: [1], roman: [1], letter: [1],
    };
    for (const [name, args] of Object.entries(samples)) {
      const out = (HELPERS[name] as (...a: unknown[]) => unknown)(...args, { loc: undefined });
      expect(out, name).not.toBeInstanceOf(Handlebars.SafeString);
      expect(typeof out, name).toBe('string');
    }
  });

  it('compare and combine like {{#if}}: an empty list is false', () => {
    const data = { a: 1, b: 1, empty: [], full: [1], zero: 0 };
    expect(render('{{#if (eq a b)}}y{{/if}}{{#if (ne a b)}}n{{/if}}', data)).toBe('y');
    expect(render('{{#if (and full a)}}y{{/if}}{{#if (and full empty)}}n{{/if}}', data)).toBe('y');
    expect(render('{{#if (or empty zero)}}n{{else}}y{{/if}}{{#if (not empty)}}y{{/if}}', data)).toBe('yy');
    expect(render('{{#if (gt 3 2)}}y{{/if}}')).toBe('y');
  });

  it('split a text typed over several lines into paragraphs', () => {
    expect(render('{{#each (paragraphs t)}}[{{this}}]{{/each}}', { t: 'Một\n\n  Hai  \r\nBa' })).toBe('[Một][Hai][Ba]');
  });

  it('fail with the helper name and the line on a wrong number of values or a value of the wrong kind', () => {
    const cases: [string, RegExp][] = [
      ['\n\n{{percent 1}}', /\{\{percent\}\}: cần 2 giá trị, có 1/],
      ['\n\n{{money "nhiều"}}', /\{\{money\}\}: cần một số, nhận được "nhiều"/],
      ['\n\n{{longDate "05/6/2024"}}', /\{\{longDate\}\}: cần một ngày dạng YYYY-MM-DD/],
      ['\n\n{{time "19h30"}}', /\{\{time\}\}: cần giờ dạng HH:MM/],
      ['\n\n{{upper}}', /\{\{upper\}\}: cần một giá trị hoặc dạng khối/],
    ];
    for (const [source, message] of cases) {
      let error: unknown;
      try {
        render(source);
      } catch (e) {
        error = e;
      }
      expect(error, source).toBeInstanceOf(HelperError);
      expect((error as HelperError).message).toMatch(message);
      expect((error as HelperError).line).toBe(3);
    }
  });
});
