// Formatters are pure functions of a result: stylish text, the JSON contract and SARIF 2.1.0.
import { describe, expect, it } from 'vitest';
import { formatters, getFormatter, type Problem, type ValidationResult } from '../src/index.js';
import { PLAIN, type Style } from '../src/formatters/index.js';

const problem = (p: Partial<Problem>): Problem => ({
  file: 'cell/meetings/2026-03.yaml',
  line: 6,
  column: 6,
  ruleId: 'duration-min',
  severity: 'error',
  message: 'Buổi sinh hoạt kéo dài 60 phút, ít hơn mức tối thiểu 90 phút.',
  messageId: 'tooShort',
  path: '/end',
  ...p,
});

const RESULT: ValidationResult = {
  results: [
    { file: 'cell/cell.yaml', problems: [] },
    {
      file: 'cell/meetings/2026-03.yaml',
      problems: [problem({}), problem({ line: 12, column: 5, severity: 'warning', ruleId: 'attendance-quality', messageId: 'unexcused', message: 'Vắng không lý do.' })],
    },
  ],
  errorCount: 1,
  warningCount: 1,
  unreadableCount: 0,
};
const CLEAN: ValidationResult = { results: [{ file: 'a.yaml', problems: [] }], errorCount: 0, warningCount: 0, unreadableCount: 0 };
const ctx = { lang: 'vi' as const, style: PLAIN, version: '9.9.9' };

describe('stylish', () => {
  it('groups problems under their file with aligned positions and a summary', () => {
    const text = formatters.stylish(RESULT, ctx);
    expect(text).toBe(
      [
        'cell/meetings/2026-03.yaml',
        '   6:6  lỗi       Buổi sinh hoạt kéo dài 60 phút, ít hơn mức tối thiểu 90 phút.  duration-min',
        '  12:5  cảnh báo  Vắng không lý do.  attendance-quality',
        '',
        '✖ 2 vấn đề (1 lỗi, 1 cảnh báo)',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing, in each language, with English plurals', () => {
    expect(formatters.stylish(CLEAN, ctx)).toBe('✔ Không có vấn đề nào\n');
    expect(formatters.stylish(CLEAN, { ...ctx, lang: 'en' })).toBe('✔ No problems\n');
    const one = { ...RESULT, results: [{ file: 'x', problems: [problem({})] }], warningCount: 0 };
    expect(formatters.stylish(one, { ...ctx, lang: 'en' })).toContain('✖ 1 problem (1 error, 0 warnings)');
  });

  it('uses the style it is given for colour', () => {
    const tag: Style = { red: (s) => `<r>${s}</r>`, yellow: (s) => `<y>${s}</y>`, green: (s) => s, dim: (s) => s, bold: (s) => s, underline: (s) => `<u>${s}</u>` };
    const text = formatters.stylish(RESULT, { ...ctx, style: tag });
    expect(text).toContain('<u>cell/meetings/2026-03.yaml</u>');
    expect(text).toContain('<r>lỗi     </r>');
    expect(text).toContain('<y>cảnh báo</y>');
  });
});

describe('json', () => {
  it('prints exactly the documented shape, every file included', () => {
    const out = JSON.parse(formatters.json(RESULT, ctx)) as Record<string, unknown>;
    expect(out).toEqual({
      results: [
        { file: 'cell/cell.yaml', problems: [] },
        {
          file: 'cell/meetings/2026-03.yaml',
          problems: [
            { ruleId: 'duration-min', messageId: 'tooShort', severity: 'error', message: RESULT.results[1]!.problems[0]!.message, line: 6, column: 6, path: '/end' },
            { ruleId: 'attendance-quality', messageId: 'unexcused', severity: 'warning', message: 'Vắng không lý do.', line: 12, column: 5, path: '/end' },
          ],
        },
      ],
      errorCount: 1,
      warningCount: 1,
    });
  });

  it('is one line of JSON ending in a newline', () => {
    const text = formatters.json(RESULT, ctx);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().includes('\n')).toBe(false);
  });
});

describe('sarif', () => {
  it('lists the rules used and one result per problem with its region', () => {
    const log = JSON.parse(formatters.sarif(RESULT, ctx)) as {
      version: string;
      runs: { tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string } }[] } }; results: Record<string, unknown>[] }[];
    };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'cellctl', version: '9.9.9' });
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['attendance-quality', 'duration-min']);
    expect(run.tool.driver.rules[1]!.shortDescription.text).toMatch(/Thời lượng/);
    expect(run.results[0]).toMatchObject({
      ruleId: 'duration-min',
      ruleIndex: 1,
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'cell/meetings/2026-03.yaml' }, region: { startLine: 6, startColumn: 6 } } }],
    });
  });
});

describe('getFormatter', () => {
  it('finds formatters by name only', () => {
    expect(getFormatter('json')).toBe(formatters.json);
    expect(getFormatter('toString')).toBeUndefined();
    expect(getFormatter('xml')).toBeUndefined();
  });
});
