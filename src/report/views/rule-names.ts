// What a problem is about, in words a committee office reads: the rule's name and the record it concerns, never an id or a path.
import { getRule } from '../../rules/registry.js';
import { monthShort, type ReportLang } from './common.js';

/** Names of the checks the engine makes itself (they have messages in src/messages/core.ts but no rule file). */
const ENGINE_CHECKS: Record<string, { vi: string; en: string }> = {
  'read-error': { vi: 'Đọc được tệp hồ sơ', en: 'The file can be read' },
  input: { vi: 'Thư mục chi bộ có đủ hồ sơ', en: 'The cell folder holds its records' },
  encoding: { vi: 'Tệp lưu đúng mã chữ UTF-8', en: 'The file is saved as UTF-8' },
  'file-too-large': { vi: 'Dung lượng tệp hồ sơ', en: 'File size' },
  'yaml-syntax': { vi: 'Cách ghi tệp hồ sơ (dấu, thụt lề)', en: 'How the file is written (YAML)' },
  schema: { vi: 'Nội dung hồ sơ ghi đúng mẫu', en: 'The record follows the form' },
  'problem-limit': { vi: 'Còn nhiều lỗi khác trong tệp', en: 'More problems in the file' },
  overrides: { vi: 'Quy định riêng của đảng ủy', en: "The committee's own rules" },
  'record-complete': { vi: 'Hồ sơ ghi đầy đủ, không còn là bản khung', en: 'The record is complete, not a stub' },
  'cell-context': { vi: 'Đủ điều kiện để kiểm tra cả năm', en: 'What the yearly checks need' },
};

/**
 * A rule's name: the first clause of its description (up to the first `:`, `;` or `.`, asides in brackets
 * dropped), or the engine check's name. An id the registry does not know (a report from another version)
 * reads as "Quy định khác" rather than an English id.
 */
export function ruleName(ruleId: string, lang: ReportLang): string {
  const rule = getRule(ruleId);
  if (rule) {
    const head = rule.description[lang].replace(/\s*\([^)]*\)/g, '').split(/[:;]|\.(?:\s|$)/)[0]!.trim();
    return head;
  }
  return ENGINE_CHECKS[ruleId]?.[lang] ?? (lang === 'vi' ? 'Quy định khác' : 'Other rule');
}

/**
 * The record a problem concerns, named for a reader: "Buổi sinh hoạt tháng 9/2026" for a meeting record,
 * "Kế hoạch năm 2026", "Hồ sơ chi bộ". A check over the whole period (a missing month, a quarter without a
 * thematic session) is about no one file, so it names none: its message says which month.
 */
export function recordName(file: string, ruleId: string, lang: ReportLang): string {
  if (getRule(ruleId)?.scope === 'year') return '';
  const base = file.split(/[\\/]/).pop() ?? file;
  const month = /^(\d{4})-(\d{2})(?!\d)/.exec(base);
  if (month) {
    const when = monthShort(`${month[1]}-${month[2]}`);
    return lang === 'vi' ? `Buổi sinh hoạt tháng ${when}` : `Meeting of ${when}`;
  }
  const plan = /^plan-(\d{4})\.ya?ml$/i.exec(base);
  if (plan) return lang === 'vi' ? `Kế hoạch năm ${plan[1]}` : `Year plan ${plan[1]}`;
  if (/^cell\.ya?ml$/i.test(base)) return lang === 'vi' ? 'Hồ sơ chi bộ' : 'Cell profile';
  return base;
}
