import { describe, it, expect } from 'vitest';
import { lint, edit, only, BASE_CELL, BASE_MEETING, positionOf as at } from '../helpers.js';

const RULE = 'meeting-steps';
const FILE = 'meetings/2026-03.yaml';

const OPENING = ['opening', 'appoint-secretary', 'attendance-report', 'dues-report', 'agenda'];
const REGULAR_CORE = ['news-briefing', 'review', 'next-tasks', 'discussion', 'chair-conclusion', 'vote-resolution'];
const THEMATIC_CORE = ['thematic-purpose', 'thematic-presentation', 'thematic-discussion', 'thematic-conclusion'];
const CLOSING = ['quality-assessment', 'adopt-minutes'];
/** The baseline meeting's steps, in order. */
const REGULAR = [...OPENING, ...REGULAR_CORE, ...CLOSING];


/** The baseline meeting with its steps replaced (an "other" step gets a title). */
function withSteps(ids: string[], base = BASE_MEETING): string {
  const list = ids.map((step) => (step === 'other' ? { step, title: 'Trao đổi công tác khuyến học' } : { step }));
  return edit(base, (d) => d.setIn(['steps'], d.createNode(list)));
}

const COMBINED = edit(BASE_MEETING, (d) => {
  d.setIn(['kind'], 'combined');
  d.setIn(['end'], '16:30');
  d.setIn(['topic'], d.createNode({ title: 'Học tập và làm theo tư tưởng Hồ Chí Minh', presenter: 'Nguyễn Văn An' }));
});

const THEMATIC = edit(BASE_MEETING, (d) => {
  d.setIn(['kind'], 'thematic');
  d.setIn(['topic'], d.createNode({ title: 'Học tập và làm theo tư tưởng Hồ Chí Minh', presenter: 'Nguyễn Văn An' }));
  d.deleteIn(['resolution']);
  d.deleteIn(['vote']);
});

async function run(meeting: string, options = {}, cell = BASE_CELL, file = FILE) {
  return only(await lint({ 'cell.yaml': cell, [file]: meeting }, options), RULE);
}

describe('meeting-steps', () => {
  it('accepts the baseline regular meeting', async () => {
    expect(await run(BASE_MEETING)).toEqual([]);
  });

  describe('missing steps', () => {
    it('reports a missing required step at the steps key', async () => {
      const text = withSteps(REGULAR.filter((s) => s !== 'review'));
      const problems = await run(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        ruleId: RULE,
        messageId: 'missing',
        severity: 'error',
        path: '/steps',
        data: {
          step: 'review',
          title: 'Đánh giá kết quả thực hiện nhiệm vụ tháng trước',
          titleEn: "Review of last month's tasks",
          kind: 'regular',
        },
        ...at(text, 'steps:'),
      });
    });

    it('reports a missing recommended step (level warning) as a warning', async () => {
      const text = withSteps(REGULAR.filter((s) => s !== 'dues-report'));
      const problems = await run(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        messageId: 'missingRecommended',
        severity: 'warning',
        data: { step: 'dues-report', title: 'Thông báo tình hình thu nộp đảng phí', kind: 'regular' },
        ...at(text, 'steps:'),
      });
    });

    it('asks for the quality assessment under hd42-2025 but not under hd12-2018 (optional there)', async () => {
      const ids = REGULAR.filter((s) => s !== 'quality-assessment');
      const now = await run(withSteps(ids));
      expect(now.map((p) => [p.messageId, p.severity, p.data?.step])).toEqual([
        ['missingRecommended', 'warning', 'quality-assessment'],
      ]);
      const before = withSteps(ids, edit(BASE_MEETING, (d) => d.setIn(['date'], '2025-10-27')));
      expect(await run(before, {}, BASE_CELL, 'meetings/2025-10.yaml')).toEqual([]);
    });

    it('reports a missing outcome group (neither vote nor conclusion)', async () => {
      const text = withSteps(REGULAR.filter((s) => s !== 'vote-resolution'));
      const problems = await run(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        messageId: 'missingOutcome',
        severity: 'error',
        path: '/steps',
        data: {
          group: 'outcome',
          steps: 'vote-resolution, adopt-conclusion',
          titles: '"Biểu quyết thông qua nghị quyết" / "Thông qua kết luận"',
          titlesEn: '"Vote on the resolution" / "Adopting the conclusion"',
          kind: 'regular',
        },
        ...at(text, 'steps:'),
      });
    });

    it('accepts either member of the outcome group', async () => {
      const ids = REGULAR.map((s) => (s === 'vote-resolution' ? 'adopt-conclusion' : s));
      expect(await run(withSteps(ids))).toEqual([]);
    });

    it('reports every missing step of a very short record', async () => {
      const problems = await run(withSteps(['opening', 'adopt-minutes']));
      expect(problems.filter((p) => p.messageId === 'missing').map((p) => p.data?.step)).toEqual([
        'appoint-secretary',
        'attendance-report',
        'agenda',
        'news-briefing',
        'review',
        'next-tasks',
        'discussion',
        'chair-conclusion',
      ]);
      expect(problems.filter((p) => p.messageId !== 'missing').map((p) => p.messageId).sort()).toEqual([
        'missingOutcome',
        'missingRecommended',
        'missingRecommended',
      ]);
    });
  });

  describe('order', () => {
    it('reports the earlier of two swapped steps as having to follow the other', async () => {
      const ids = ['appoint-secretary', 'opening', ...REGULAR.slice(2)];
      const text = withSteps(ids);
      const problems = await run(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        messageId: 'outOfOrder',
        severity: 'error',
        path: '/steps/0/step',
        data: {
          step: 'appoint-secretary',
          title: 'Cử thư ký ghi biên bản',
          after: 'opening',
          afterTitle: 'Tuyên bố lý do, giới thiệu đại biểu',
          afterTitleEn: 'Opening, introduction of guests',
        },
        ...at(text, 'step: appoint-secretary', 'appoint-secretary'),
      });
    });

    it('reports a step moved too early as having to follow its predecessor in the record', async () => {
      const ids = ['adopt-minutes', ...REGULAR.slice(0, -1)];
      const text = withSteps(ids);
      const problems = await run(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        messageId: 'outOfOrder',
        path: '/steps/0/step',
        data: { step: 'adopt-minutes', after: 'quality-assessment' },
        ...at(text, 'step: adopt-minutes', 'adopt-minutes'),
      });
    });

    it('reports a step moved too late as having to precede the first step it follows wrongly', async () => {
      const ids = [...REGULAR.slice(1), 'opening'];
      const text = withSteps(ids);
      const problems = await run(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        messageId: 'outOfOrderBefore',
        path: `/steps/${ids.length - 1}/step`,
        data: {
          step: 'opening',
          before: 'appoint-secretary',
          beforeTitle: 'Cử thư ký ghi biên bản',
          beforeTitleEn: 'Appointing the minute-taker',
        },
        ...at(text, 'step: opening', 'opening'),
      });
    });

    it('accepts a split step when one of its parts is in order', async () => {
      const ids = [...OPENING, 'news-briefing', 'review', 'discussion', 'next-tasks', 'discussion', 'chair-conclusion', 'vote-resolution', ...CLOSING];
      expect(await run(withSteps(ids))).toEqual([]);
    });

    it('accepts an "other" step anywhere', async () => {
      expect(await run(withSteps(['other', ...REGULAR.slice(0, 6), 'other', ...REGULAR.slice(6), 'other']))).toEqual([]);
    });
  });

  describe('steps outside the procedure', () => {
    it('warns about a thematic step in a regular meeting', async () => {
      const ids = [...REGULAR.slice(0, 6), 'thematic-presentation', ...REGULAR.slice(6)];
      const text = withSteps(ids);
      const problems = await run(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        messageId: 'notInProcedure',
        severity: 'warning',
        path: '/steps/6/step',
        data: { step: 'thematic-presentation', title: 'Trình bày dự thảo chuyên đề', kind: 'regular' },
        ...at(text, 'step: thematic-presentation', 'thematic-presentation'),
      });
    });

    it('warns about a regular-meeting step in a thematic session', async () => {
      const ids = ['thematic-purpose', 'thematic-presentation', 'review', 'thematic-discussion', 'thematic-conclusion', 'adopt-minutes'];
      const text = withSteps(ids, THEMATIC);
      const problems = await run(text);
      expect(problems.map((p) => [p.messageId, p.severity, p.path, p.data?.step])).toEqual([
        ['missingRecommended', 'warning', '/steps', 'appoint-secretary'],
        ['missingRecommended', 'warning', '/steps', 'attendance-report'],
        ['notInProcedure', 'warning', '/steps/2/step', 'review'],
      ]);
    });
  });

  describe('thematic sessions', () => {
    it('accepts the thematic procedure without an opening step (optional)', async () => {
      const ids = ['appoint-secretary', 'attendance-report', ...THEMATIC_CORE, 'adopt-minutes'];
      expect(await run(withSteps(ids, THEMATIC))).toEqual([]);
    });

    it('requires the thematic core steps', async () => {
      const ids = ['appoint-secretary', 'attendance-report', 'thematic-purpose', 'thematic-discussion', 'thematic-conclusion', 'adopt-minutes'];
      const problems = await run(withSteps(ids, THEMATIC));
      expect(problems.map((p) => [p.messageId, p.data?.step, p.data?.kind])).toEqual([
        ['missing', 'thematic-presentation', 'thematic'],
      ]);
    });
  });

  describe('combined sittings (rules.md C4: two ordered blocks)', () => {
    it('accepts the regular block first', async () => {
      const ids = [...OPENING, ...REGULAR_CORE, ...THEMATIC_CORE, ...CLOSING];
      expect(await run(withSteps(ids, COMBINED))).toEqual([]);
    });

    it('accepts the thematic block first', async () => {
      const ids = [...OPENING, ...THEMATIC_CORE, ...REGULAR_CORE, ...CLOSING];
      expect(await run(withSteps(ids, COMBINED))).toEqual([]);
    });

    it('reports interleaved blocks once, at the step that goes back to the first block', async () => {
      const ids = [...OPENING, 'news-briefing', 'review', ...THEMATIC_CORE, 'next-tasks', 'discussion', 'chair-conclusion', 'vote-resolution', ...CLOSING];
      const text = withSteps(ids, COMBINED);
      const problems = await run(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        messageId: 'blocksInterleaved',
        severity: 'error',
        path: `/steps/${ids.indexOf('next-tasks')}/step`,
        data: {
          step: 'next-tasks',
          title: 'Đề ra nhiệm vụ tháng tới, phân công đảng viên',
          block: 'regular',
          other: 'thematic',
        },
        ...at(text, 'step: next-tasks', 'next-tasks'),
      });
    });

    it('still checks the order inside a block', async () => {
      const ids = [...OPENING, ...THEMATIC_CORE, 'review', 'news-briefing', ...REGULAR_CORE.slice(2), ...CLOSING];
      const problems = await run(withSteps(ids, COMBINED));
      expect(problems.map((p) => [p.messageId, p.data?.step, p.data?.after])).toEqual([
        ['outOfOrder', 'review', 'news-briefing'],
      ]);
    });

    it('requires both blocks', async () => {
      const ids = [...OPENING, ...REGULAR_CORE, ...CLOSING];
      const problems = await run(withSteps(ids, COMBINED));
      expect(problems.map((p) => [p.messageId, p.data?.step, p.data?.kind])).toEqual(
        THEMATIC_CORE.map((s) => ['missing', s, 'combined']),
      );
    });
  });

  describe('options', () => {
    const strictDues = {
      procedures: {
        regular: REGULAR.map((step) => (step === 'vote-resolution' ? { step, group: 'outcome' } : { step })),
      },
    };

    it('takes the procedure from the options given to validate', async () => {
      const text = withSteps(REGULAR.filter((s) => s !== 'dues-report'));
      const problems = await run(text, { rules: { [RULE]: { options: strictDues } } });
      expect(problems.map((p) => [p.messageId, p.severity, p.data?.step])).toEqual([['missing', 'error', 'dues-report']]);
    });

    it('takes the procedure from the cell overrides', async () => {
      const cell = edit(BASE_CELL, (d) => d.setIn(['overrides'], d.createNode({ [RULE]: { options: strictDues } })));
      const text = withSteps(REGULAR.filter((s) => s !== 'dues-report'));
      const problems = await run(text, {}, cell);
      expect(problems.map((p) => [p.messageId, p.severity, p.data?.step])).toEqual([['missing', 'error', 'dues-report']]);
    });

    it('keeps a recommended step a warning when the whole rule is lowered to warning', async () => {
      const text = withSteps(REGULAR.filter((s) => s !== 'dues-report' && s !== 'review'));
      const problems = await run(text, { rules: { [RULE]: { severity: 'warning' } } });
      expect(problems.map((p) => [p.messageId, p.severity])).toEqual([
        ['missing', 'warning'],
        ['missingRecommended', 'warning'],
      ]);
    });
  });
});
