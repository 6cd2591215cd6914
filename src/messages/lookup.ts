// Finding the text of a problem's message: rule messages from the registry, engine messages from core.ts.
import { getRule } from '../rules/registry.js';
import { CORE_MESSAGES } from './core.js';
import { formatMessage, type Lang } from './format.js';

/** The message of a problem in a language; an unknown id falls back to the id itself. */
export function messageText(
  ruleId: string,
  messageId: string,
  data: Record<string, string | number> | undefined,
  lang: Lang,
): string {
  const text = getRule(ruleId)?.messages[messageId] ?? CORE_MESSAGES[ruleId]?.[messageId];
  return text ? formatMessage(text[lang], data, lang) : `${ruleId}/${messageId}`;
}
