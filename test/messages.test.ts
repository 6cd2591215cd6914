// Message catalogues and placeholder filling: terms, Party-style dates, Vietnamese decimal commas.
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../src/messages/format.js';
import { CORE_MESSAGES } from '../src/messages/core.js';
import { messageText } from '../src/messages/lookup.js';
import { longDate, shortDate } from '../src/util/vi-date.js';

describe('Party dates (document-format.md)', () => {
  it.each([
    ['2024-06-05', '05/6/2024', 'ngày 05 tháng 6 năm 2024'],
    ['2026-01-09', '09/01/2026', 'ngày 09 tháng 01 năm 2026'],
    ['2018-02-20', '20/02/2018', 'ngày 20 tháng 02 năm 2018'],
    ['2026-12-31', '31/12/2026', 'ngày 31 tháng 12 năm 2026'],
    ['2026-10-01', '01/10/2026', 'ngày 01 tháng 10 năm 2026'],
  ])('%s → %s, %s', (iso, short, long) => {
    expect(shortDate(iso)).toBe(short);
    expect(longDate(iso)).toBe(long);
  });
});

describe('formatMessage', () => {
  it('fills placeholders, translates terms and dates, keeps unknown ones visible', () => {
    expect(formatMessage('{a} và {kind|term} ngày {d|date}; {missing}', { a: 1, kind: 'thematic', d: '2026-02-05' }, 'vi')).toBe(
      '1 và sinh hoạt chuyên đề ngày 05/02/2026; {missing}',
    );
    expect(formatMessage('{kind|term} on {d|date}', { kind: 'thematic', d: '2026-02-05' }, 'en')).toBe('thematic session on 2026-02-05');
  });

  it('writes decimals with a comma in Vietnamese only', () => {
    expect(formatMessage('{p}%', { p: 90.9 }, 'vi')).toBe('90,9%');
    expect(formatMessage('{p}%', { p: 90.9 }, 'en')).toBe('90.9%');
  });

  it('never re-reads placeholders inside filled values (user text cannot inject one)', () => {
    expect(formatMessage('{name} vắng', { name: '{other}' }, 'vi')).toBe('{other} vắng');
  });
});

describe('catalogues', () => {
  it('every engine message exists in both languages with the same placeholders', () => {
    for (const [ruleId, messages] of Object.entries(CORE_MESSAGES)) {
      for (const [id, m] of Object.entries(messages)) {
        const names = (s: string) => [...s.matchAll(/\{([A-Za-z0-9_]+)/g)].map((x) => x[1]).sort();
        expect(names(m.en), `${ruleId}/${id}`).toEqual(names(m.vi));
      }
    }
  });

  it('an unknown message id falls back to its id rather than throwing', () => {
    expect(messageText('schema', 'noSuchMessage', undefined, 'vi')).toBe('schema/noSuchMessage');
  });
});

describe('suggestions', () => {
  it('adds "did you mean" when the data carries a suggestion the template does not place', () => {
    expect(formatMessage('Không có “{name}”.', { name: 'Hưng', suggestion: 'Hùng' }, 'vi')).toBe('Không có “Hưng”. Có phải là “Hùng”?');
    expect(formatMessage('No “{name}”.', { name: 'Hưng', suggestion: 'Hùng' }, 'en')).toBe('No “Hưng”. Did you mean “Hùng”?');
    expect(formatMessage('“{suggestion}”?', { suggestion: 'x' }, 'en')).toBe('“x”?');
  });
});
