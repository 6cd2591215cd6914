// Control characters are reported at their exact line and column, also many of them on one very long line (found by the fuzzer).
import { describe, expect, it } from 'vitest';
import { BASE_CELL, BASE_MEETING, lint } from '../helpers.js';

describe('control characters on a long line', () => {
  it('puts each at its own column, on the right line, however long the line', async () => {
    const long = Array.from({ length: 2000 }, (_, i) => `ý${'x'.repeat(200)}\u0007${i}`).join('');
    const meeting = BASE_MEETING.replace(/^place: .*$/m, `place: "${long}"`);
    const line = meeting.split('\n').findIndex((l) => l.startsWith('place: ')) + 1;
    const problems = (await lint({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': meeting })).filter((p) => p.ruleId === 'encoding');
    expect(problems.length).toBeGreaterThan(0);
    const text = meeting.split('\n')[line - 1]!;
    const columns = [...text.matchAll(/\u0007/g)].map((m) => m.index! + 1);
    for (const p of problems.slice(0, 50)) {
      expect(p.line).toBe(line);
      expect(columns).toContain(p.column);
    }
    expect(problems[0]!.column).toBe(columns[0]);
  });
});
