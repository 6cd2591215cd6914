// Schema problems in plain Vietnamese: one problem for one mistake, no English validator text, no raw pattern.
import { describe, expect, it } from 'vitest';
import { BASE_CELL, BASE_MEETING, edit, lint, only, positionOf, runCli, writeTree } from '../helpers.js';

/** Schema problems of a cell file (with the base meeting beside it), in the language asked for. */
async function cellProblems(cell: string, lang: 'vi' | 'en' = 'vi') {
  return only(await lint({ 'cell.yaml': cell, 'meetings/2026-03.yaml': BASE_MEETING }, { lang }), 'schema').filter((p) => p.rel === 'cell.yaml');
}

/** Letters of an English sentence from ajv (`must be equal to constant`, `must NOT have duplicate items`). */
const ENGLISH = /\bmust\b|\bschema\b|\bconstant\b|\bidentical\b|\bpattern\b/i;

describe('schema messages', () => {
  it('a day out of range in a meeting-day rule is one problem, at the day, saying the limit', async () => {
    const cell = edit(BASE_CELL, (d) => d.setIn(['customs', 'meetingDay'], d.createNode({ kind: 'day-of-month', day: 31, ifDayOff: 'next' })));
    const problems = await cellProblems(cell);
    expect(problems.map((p) => p.message)).toEqual(['Giá trị 31 không được lớn hơn 28.']);
    expect(problems[0]!.line).toBe(positionOf(cell, 'day: 31').line);
  });

  it('the other kinds of meeting day pick their own branch: a weekday rule missing its weekday says so', async () => {
    const cell = edit(BASE_CELL, (d) => d.setIn(['customs', 'meetingDay'], d.createNode({ kind: 'nth-weekday', n: 1 })));
    expect((await cellProblems(cell)).map((p) => p.message)).toEqual(['Thiếu trường bắt buộc “weekday”.']);
  });

  it('a value listed twice names the value and both places, in Vietnamese', async () => {
    const cell = edit(BASE_CELL, (d) => d.setIn(['customs', 'workingDays'], d.createNode(['monday', 'tuesday', 'monday'])));
    const problems = await cellProblems(cell);
    expect(problems.map((p) => p.message)).toEqual(['“monday” bị ghi hai lần (mục thứ 1 và thứ 3); hãy xóa một mục.']);
    expect(problems.map((p) => p.message).join(' ')).not.toMatch(ENGLISH);
  });

  it('a fixed value says which value belongs there', async () => {
    const meeting = edit(BASE_MEETING, (d) => d.set('stub', false));
    const problems = only(await lint({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': meeting }), 'schema');
    expect(problems.map((p) => p.message)).toEqual(['Giá trị “false” không hợp lệ; ở đây chỉ được ghi true.']);
  });

  it('a member code in the wrong form gets the schema\'s own words, not the pattern', async () => {
    const cell = edit(BASE_CELL, (d) => d.setIn(['members', 0, 'id'], 'Nguyễn An'));
    const [problem, ...rest] = await cellProblems(cell);
    expect(rest).toEqual([]);
    expect(problem!.message).toBe('“Nguyễn An” không đúng dạng. Mã chỉ gồm chữ không dấu, chữ số và các dấu _ . -, bắt đầu bằng chữ hoặc số, ví dụ an hoặc nguyen-van-an.');
    expect(problem!.message).not.toContain('[A-Za-z');
  });

  it('a weekday written in Vietnamese gets the code to write instead', async () => {
    const cell = edit(BASE_CELL, (d) => d.setIn(['customs', 'workingDays'], d.createNode(['monday', 'thứ Bảy'])));
    const messages = (await cellProblems(cell)).map((p) => p.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^Hãy viết mã “saturday” thay cho “thứ Bảy”/);
  });

  it('English runs get English words for the same problems', async () => {
    const cell = edit(BASE_CELL, (d) => d.setIn(['customs', 'workingDays'], d.createNode(['monday', 'monday'])));
    expect((await cellProblems(cell, 'en')).map((p) => p.message)).toEqual(['“monday” is listed twice (items 1 and 2); remove one.']);
  });

  it('the built binary (its pre-compiled validators) says the same: one problem, the schema\'s own words', async () => {
    const cell = edit(BASE_CELL, (d) => {
      d.setIn(['customs', 'meetingDay'], d.createNode({ kind: 'day-of-month', day: 31 }));
      d.setIn(['members', 0, 'id'], 'Nguyễn An');
    });
    const dir = writeTree({ 'cell.yaml': cell });
    const run = await runCli(['validate', 'cell.yaml', '--format', 'json'], { cwd: dir });
    const out = JSON.parse(run.stdout) as { results: { problems: { ruleId: string; message: string }[] }[] };
    const messages = out.results.flatMap((r) => r.problems).filter((p) => p.ruleId === 'schema').map((p) => p.message);
    expect(messages).toHaveLength(2);
    expect(messages).toContain('Giá trị 31 không được lớn hơn 28.');
    expect(messages.find((m) => m.startsWith('“Nguyễn An”'))).toContain('ví dụ an hoặc nguyen-van-an');
  });
});
