// The stylish formatter: problems grouped by file, aligned columns, a summary line (as ESLint prints).
import type { Formatter } from './index.js';

const WORDS = {
  vi: { error: 'lỗi', warning: 'cảnh báo', clean: 'Không có vấn đề nào', count: (n: number, word: string) => `${n} ${word}` },
  en: { error: 'error', warning: 'warning', clean: 'No problems', count: (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}` },
};
const PROBLEM = { vi: 'vấn đề', en: 'problem' };

export const stylish: Formatter = (result, { lang, style }) => {
  const w = WORDS[lang];
  const out: string[] = [];
  for (const r of result.results) {
    if (r.problems.length === 0) continue;
    out.push(style.underline(r.file));
    const rows = r.problems.map((p) => ({
      pos: `${p.line}:${p.column}`,
      sev: p.severity === 'error' ? w.error : w.warning,
      isError: p.severity === 'error',
      message: p.message,
      ruleId: p.ruleId,
    }));
    const posWidth = Math.max(...rows.map((x) => x.pos.length));
    const sevWidth = Math.max(...rows.map((x) => x.sev.length));
    for (const x of rows) {
      const sev = x.sev.padEnd(sevWidth);
      out.push(`  ${style.dim(x.pos.padStart(posWidth))}  ${x.isError ? style.red(sev) : style.yellow(sev)}  ${x.message}  ${style.dim(x.ruleId)}`);
    }
    out.push('');
  }
  const total = result.errorCount + result.warningCount;
  if (total === 0) return `${style.green('✔')} ${w.clean}\n`;
  const summary = `✖ ${w.count(total, PROBLEM[lang])} (${w.count(result.errorCount, w.error)}, ${w.count(result.warningCount, w.warning)})`;
  out.push(result.errorCount > 0 ? style.red(style.bold(summary)) : style.yellow(style.bold(summary)));
  return `${out.join('\n')}\n`;
};
