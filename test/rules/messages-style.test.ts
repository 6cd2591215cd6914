// Rule messages in Party style: quarters in Roman numerals, votes counted in đồng chí, the exact line to add.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/registry.js';
import { BASE_CELL, BASE_MEETING, ROOT, edit, lint, lintMeeting, only, runCli, writeTree } from '../helpers.js';
import { fullPlan, planYaml, tree, yearOfMeetings } from './year-fixtures.js';

describe('quarters and months as Party documents write them', () => {
  it('a quarter without a thematic session: "Quý II năm 2026", in records and in the plan', async () => {
    const plan = planYaml(2026, fullPlan(2026, [1, 7, 10]));
    const problems = only(await lint(tree(yearOfMeetings(2026, { combined: [1, 7, 10] }), { plans: { 2026: plan } })), 'thematic-per-quarter');
    expect(problems.map((p) => p.message).sort()).toEqual([
      'Kế hoạch năm 2026 chưa có buổi sinh hoạt chuyên đề nào trong quý II.',
      'Quý II năm 2026 không có buổi sinh hoạt chuyên đề nào (mỗi quý ít nhất một lần).',
    ]);
  });

  it('a missing month: "tháng 01/2026" (month padded for January and February only), "tháng 3/2026"', async () => {
    const problems = only(await lint(tree(yearOfMeetings(2026, { months: [2, 4, 5, 6, 7, 8, 9, 10, 11, 12] }))), 'monthly-regular');
    expect(problems.map((p) => p.message)).toEqual([
      'Chưa có hồ sơ sinh hoạt thường kỳ tháng 01/2026.',
      'Chưa có hồ sơ sinh hoạt thường kỳ tháng 3/2026.',
    ]);
  });

  it('in English the quarter stays a number (real binary)', async () => {
    const dir = writeTree(tree(yearOfMeetings(2026, { combined: [1, 7, 10] })));
    const vi = await runCli(['validate', dir, '--as-of', '2026-12-31']);
    expect(vi.stdout).toContain('Quý II năm 2026 không có buổi sinh hoạt chuyên đề nào');
    expect(vi.stdout).not.toMatch(/[Qq]uý \d/);
    const en = await runCli(['validate', dir, '--as-of', '2026-12-31', '--lang', 'en']);
    expect(en.stdout).toContain('Quarter 2 of 2026 had no thematic session');
  });
});

describe('votes are counted in đồng chí, by show of hands', () => {
  it('more votes than members present who may vote', async () => {
    const text = edit(BASE_MEETING, (d) => d.setIn(['vote', 'for'], 12));
    const problems = await lintMeeting('vote-eligibility', text);
    expect(problems.map((p) => p.message)).toEqual([
      'Có 12 đồng chí biểu quyết nhưng chỉ có 7 đảng viên có quyền biểu quyết có mặt (đảng viên dự bị, đảng viên sinh hoạt tạm thời không biểu quyết).',
    ]);
  });

  it('no rule text speaks of ballots (phiếu biểu quyết)', () => {
    for (const rule of RULES) {
      const texts = [rule.description.vi, ...Object.values(rule.messages).map((m) => m.vi)];
      for (const t of texts) expect(t, rule.id).not.toMatch(/phiếu biểu quyết|số phiếu|\d+ phiếu|\{[a-z]+\} phiếu/i);
    }
  });
});

describe('a missing step says which line to add, and where', () => {
  it('a missing required step: the "- step:" line and the step it follows', async () => {
    const text = edit(BASE_MEETING, (d) => d.deleteIn(['steps', 6]));
    const problems = await lintMeeting('meeting-steps', text);
    expect(problems.map((p) => p.message)).toEqual([
      'Thiếu bước "Đánh giá kết quả thực hiện nhiệm vụ tháng trước" trong quy trình sinh hoạt thường kỳ: thêm dòng "- step: review" vào mục steps, sau bước "Thông tin thời sự, phổ biến văn bản mới, tình hình tư tưởng" (news-briefing).',
    ]);
  });

  it('a missing first step goes at the start of steps', async () => {
    const text = edit(BASE_MEETING, (d) => d.deleteIn(['steps', 0]));
    const problems = await lintMeeting('meeting-steps', text);
    expect(problems.map((p) => p.message)).toEqual([
      'Thiếu bước "Tuyên bố lý do, giới thiệu đại biểu" trong quy trình sinh hoạt thường kỳ: thêm dòng "- step: opening" vào đầu mục steps.',
    ]);
  });

  it('a missing outcome names both lines to choose from', async () => {
    const text = edit(BASE_MEETING, (d) => d.deleteIn(['steps', 10]));
    expect(text).not.toContain('vote-resolution');
    const problems = await lintMeeting('meeting-steps', text);
    expect(problems.map((p) => p.message)).toEqual([
      'Thiếu bước bắt buộc, một trong các bước "Biểu quyết thông qua nghị quyết" / "Thông qua kết luận": thêm dòng "- step: vote-resolution" hoặc "- step: adopt-conclusion" vào mục steps, sau bước "Chủ trì kết luận" (chair-conclusion).',
    ]);
  });
});

describe('score criteria', () => {
  it('criteria missing from the scoring sheet are named by code, at the criteria key', async () => {
    const text = edit(BASE_MEETING, (d) => {
      d.deleteIn(['score', 'criteria', 'results']);
      d.deleteIn(['score', 'criteria', 'closing']);
      d.setIn(['score', 'total'], 60);
      d.setIn(['score', 'rating'], 'average');
    });
    const problems = await lintMeeting('score-total', text);
    expect(problems.map((p) => [p.messageId, p.path, p.severity])).toEqual([['missingCriteria', '/score/criteria', 'error']]);
    expect(problems[0]!.message).toBe(
      'Điểm tự đánh giá thiếu tiêu chí: results, closing. Ghi điểm của từng tiêu chí đó vào criteria (phiếu chấm điểm gồm: duration, attendance, preparation, conduct, principles, results, closing), hoặc bỏ hẳn mục criteria nếu biên bản chỉ ghi tổng điểm và xếp loại.',
    );
  });

  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'meeting.schema.json'), 'utf8')) as {
    properties: { score: { required?: string[] } };
  };
  // The schema makes criteria optional on the h-docs branch; until both are merged the record is a schema error.
  it.skipIf(schema.properties.score.required?.includes('criteria'))('total and rating alone are valid: only the bands apply', async () => {
    const alone = edit(BASE_MEETING, (d) => d.deleteIn(['score', 'criteria']));
    const problems = await lint({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': alone }, { asOf: '2026-03-31' });
    expect(problems.filter((p) => p.rel === 'meetings/2026-03.yaml')).toEqual([]);
    const wrong = edit(alone, (d) => d.setIn(['score', 'rating'], 'fair'));
    const bad = await lint({ 'cell.yaml': BASE_CELL, 'meetings/2026-03.yaml': wrong }, { asOf: '2026-03-31' });
    expect(bad.filter((p) => p.rel === 'meetings/2026-03.yaml').map((p) => [p.ruleId, p.messageId])).toEqual([['score-rating', 'ratingMismatch']]);
  });
});

describe('no English in Vietnamese rule texts', () => {
  // YAML keys and values the user types (steps, criteria, role: secretary…) are code, not prose: quoted or
  // in parentheses. Everything else must be Vietnamese.
  const ALLOWED = /^(?:id|step|steps|other|title|content|guests|attendance|resolution|vote|conclusion|criteria|role|secretary|recordsFrom|stub|true|cellctl|plan|YYYY|MM|yaml|T|M|CB|NQ|HD|BTCTW|TW|QĐ|CT|VPTW)$/;
  it('every word of every vi description and message is Vietnamese, a placeholder or a YAML key', () => {
    const english = /\b(?:the|and|or|of|is|are|must|should|step|missing|member|meeting|record|file|vote|score|rating|quarter|month|year|please|error|warning)\b/i;
    for (const rule of RULES) {
      const texts = [rule.description.vi, ...Object.values(rule.messages).map((m) => m.vi)];
      for (const t of texts) {
        const prose = t
          .replace(/\{[^}]+\}/g, ' ')
          .replace(/"[^"]*"|“[^”]*”/g, ' ')
          .replace(/\([^)]*\)/g, (m) => m.split(/[\s,;:()]+/).filter((w) => !ALLOWED.test(w)).join(' '));
        expect(prose, `${rule.id}: ${t}`).not.toMatch(english);
      }
    }
  });
});
