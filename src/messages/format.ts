// Message formatting: fill `{name}` placeholders from report data; `{name|term}` translates an enum value.
import { term } from './terms.js';

/** Languages cellctl speaks; Vietnamese is the default. */
export type Lang = 'vi' | 'en';

const PLACEHOLDER = /\{([A-Za-z0-9_]+)(\|term)?\}/g;

/** Numbers are written the Vietnamese way in Vietnamese messages (decimal comma). */
function show(value: string | number, lang: Lang): string {
  if (typeof value === 'number' && lang === 'vi') return String(value).replace('.', ',');
  return String(value);
}

/** Fill a message template; a placeholder without data stays visible so the gap is noticed. */
export function formatMessage(
  template: string,
  data: Record<string, string | number> | undefined,
  lang: Lang,
): string {
  return template.replace(PLACEHOLDER, (whole, name: string, filter: string | undefined) => {
    const value = data?.[name];
    if (value === undefined) return whole;
    return filter ? term(String(value), lang) : show(value, lang);
  });
}
