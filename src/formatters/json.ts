// The json formatter: one JSON object, the contract office scripts rely on (see README).
import type { Formatter } from './index.js';

export const json: Formatter = (result) =>
  `${JSON.stringify({
    results: result.results.map((r) => ({
      file: r.file,
      problems: r.problems.map((p) => ({
        ruleId: p.ruleId,
        messageId: p.messageId,
        severity: p.severity,
        message: p.message,
        line: p.line,
        column: p.column,
        path: p.path,
      })),
    })),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
  })}\n`;
