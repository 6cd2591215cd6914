// The sarif formatter: SARIF 2.1.0 for code-scanning dashboards and CI annotations.
import { getRule } from '../rules/registry.js';
import type { Formatter } from './index.js';

export const sarif: Formatter = (result, { lang, version }) => {
  const ruleIds = [...new Set(result.results.flatMap((r) => r.problems.map((p) => p.ruleId)))].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cellctl',
            version,
            informationUri: 'https://www.npmjs.com/package/cellctl',
            rules: ruleIds.map((id) => {
              const rule = getRule(id);
              return {
                id,
                shortDescription: { text: rule ? rule.description[lang] : id },
                ...(rule ? { properties: { source: rule.source } } : {}),
              };
            }),
          },
        },
        results: result.results.flatMap((r) =>
          r.problems.map((p) => ({
            ruleId: p.ruleId,
            ruleIndex: index.get(p.ruleId),
            level: p.severity,
            message: { text: p.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.file.replaceAll('\\', '/') },
                  region: { startLine: p.line, startColumn: p.column },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
