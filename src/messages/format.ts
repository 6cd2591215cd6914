// Message formatting: fill `{name}` placeholders from report data; `{name|term}` translates an enum value,
// `{name|date}` writes an ISO date the Party's way in Vietnamese (05/6/2024); `{name|roman}` a number in
// Roman numerals (quý III) and `{name|month}` a month number the Party's way (01, 02, 3 … 12).
import { term } from './terms.js';
import { partyMonth, romanNumeral, shortDate } from '../util/vi-date.js';

/** Languages cellctl speaks; Vietnamese is the default. */
export type Lang = 'vi' | 'en';

const PLACEHOLDER = /\{([A-Za-z0-9_]+)(?:\|(term|date|roman|month))?\}/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Numbers are written the Vietnamese way in Vietnamese messages (decimal comma). */
function show(value: string | number, lang: Lang): string {
  if (typeof value === 'number' && lang === 'vi') return String(value).replace('.', ',');
  return String(value);
}

const SUGGEST = { vi: (s: string) => ` Có phải là “${s}”?`, en: (s: string) => ` Did you mean “${s}”?` };

/**
 * Fill a message template; a placeholder without data stays visible so the gap is noticed. A `suggestion`
 * in the data that the template does not place itself is added as "did you mean …?".
 */
export function formatMessage(
  template: string,
  data: Record<string, string | number> | undefined,
  lang: Lang,
): string {
  const suggestion = data?.suggestion !== undefined && !template.includes('{suggestion') ? SUGGEST[lang](String(data.suggestion)) : '';
  return template.replace(PLACEHOLDER, (whole, name: string, filter: string | undefined) => {
    const value = data?.[name];
    if (value === undefined) return whole;
    if (filter === 'term') return term(String(value), lang);
    if (filter === 'date' && lang === 'vi' && ISO_DATE.test(String(value))) return shortDate(String(value));
    if (filter === 'roman' && Number.isInteger(Number(value))) return romanNumeral(Number(value));
    if (filter === 'month' && Number.isInteger(Number(value))) return partyMonth(Number(value));
    return show(value, lang);
  }) + suggestion;
}
