// Rule meeting-steps: a sitting holds the steps of its kind's procedure, in order (HD 12 §II.1.2; HD 42).
import type { MeetingKind, MeetingStep } from '../model.js';
import type { MeetingContext, MeetingRule, ProcedureStep } from './types.js';

/** The ordered procedure of each kind of sitting (profiles/*.yaml, `meeting-steps.options.procedures`). */
export interface MeetingStepsOptions {
  procedures: Record<MeetingKind, ProcedureStep[]>;
}

type Block = 'regular' | 'thematic';

// Mirrors profiles/hd42-2025.yaml; the profiles are the source of truth, this is the fallback.
const OPENING: ProcedureStep[] = [
  { step: 'opening' },
  { step: 'appoint-secretary' },
  { step: 'attendance-report' },
  { step: 'dues-report', level: 'warning' },
  { step: 'agenda' },
];
const REGULAR_CORE: ProcedureStep[] = [
  { step: 'news-briefing' },
  { step: 'review' },
  { step: 'next-tasks' },
  { step: 'discussion' },
  { step: 'chair-conclusion' },
  { step: 'vote-resolution', group: 'outcome' },
  { step: 'adopt-conclusion', group: 'outcome' },
];
const THEMATIC_CORE: ProcedureStep[] = [
  { step: 'thematic-purpose' },
  { step: 'thematic-presentation' },
  { step: 'thematic-discussion' },
  { step: 'thematic-conclusion' },
];
const DEFAULT_PROCEDURES: MeetingStepsOptions['procedures'] = {
  regular: [...OPENING, ...REGULAR_CORE, { step: 'quality-assessment', level: 'warning' }, { step: 'adopt-minutes' }],
  thematic: [
    { step: 'opening', level: 'optional' },
    { step: 'appoint-secretary', level: 'warning' },
    { step: 'attendance-report', level: 'warning' },
    ...THEMATIC_CORE,
    { step: 'adopt-minutes' },
  ],
  combined: [
    ...OPENING,
    ...REGULAR_CORE.map((s): ProcedureStep => ({ ...s, block: 'regular' })),
    ...THEMATIC_CORE.map((s): ProcedureStep => ({ ...s, block: 'thematic' })),
    { step: 'quality-assessment', level: 'warning' },
    { step: 'adopt-minutes' },
  ],
};

const procedureSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['step'],
    additionalProperties: false,
    properties: {
      step: { type: 'string' },
      level: { enum: ['error', 'warning', 'optional'] },
      group: { type: 'string' },
      block: { enum: ['regular', 'thematic'] },
    },
  },
};

const rule: MeetingRule<MeetingStepsOptions> = {
  id: 'meeting-steps',
  scope: 'meeting',
  description: {
    vi: 'Buổi sinh hoạt có đủ các bước của quy trình (mở đầu, tiến hành, kết thúc) và theo đúng thứ tự.',
    en: 'A sitting holds every step of its procedure (opening, conduct, closing), in order.',
  },
  source:
    'HD 12-HD/BTCTW (06/7/2018) §II.1.2; HD 09-HD/BTCTW (2012); HD 42-HD/BTCTW (28/10/2025); ' +
    'sinh hoạt thường kỳ kết hợp chuyên đề: hai phần nối tiếp (HD 12)',
  defaultSeverity: 'error',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      procedures: {
        type: 'object',
        additionalProperties: false,
        properties: { regular: procedureSchema, thematic: procedureSchema, combined: procedureSchema },
      },
    },
  },
  defaultOptions: { procedures: DEFAULT_PROCEDURES },
  messages: {
    missing: {
      vi: 'Thiếu bước "{title}" trong quy trình {kind|term}: thêm dòng "- step: {step}" vào {where}.',
      en: 'The step "{titleEn}" of the procedure of a {kind|term} is missing: add the line "- step: {step}" to {whereEn}.',
    },
    missingRecommended: {
      vi: 'Nên có bước "{title}" trong quy trình {kind|term}: thêm dòng "- step: {step}" vào {where}.',
      en: 'The procedure of a {kind|term} should include the step "{titleEn}": add the line "- step: {step}" to {whereEn}.',
    },
    missingOutcome: {
      vi: 'Thiếu bước bắt buộc, một trong các bước {titles}: thêm dòng {lines} vào {where}.',
      en: 'A required step is missing, one of {titlesEn}: add the line {linesEn} to {whereEn}.',
    },
    outOfOrder: {
      vi: 'Bước "{title}" không đúng thứ tự: phải diễn ra sau bước "{afterTitle}".',
      en: 'The step "{titleEn}" is out of order: it must come after "{afterTitleEn}".',
    },
    outOfOrderBefore: {
      vi: 'Bước "{title}" không đúng thứ tự: phải diễn ra trước bước "{beforeTitle}".',
      en: 'The step "{titleEn}" is out of order: it must come before "{beforeTitleEn}".',
    },
    notInProcedure: {
      vi: 'Bước "{title}" không thuộc quy trình {kind|term}; nội dung khác hãy ghi "step: other" kèm "title".',
      en: 'The step "{titleEn}" is not part of the procedure of a {kind|term}; record anything else as "step: other" with a "title".',
    },
    emptyContent: {
      vi: 'Bước "{title}" còn để trống: ghi vào content {hint}.',
      en: 'The step "{titleEn}" is empty: write in content {hintEn}.',
    },
    blocksInterleaved: {
      vi: 'Buổi sinh hoạt kết hợp gồm hai phần nối tiếp nhau: bước "{title}" thuộc phần {block|term} nhưng lại diễn ra sau khi đã chuyển sang phần {other|term}.',
      en: 'A combined sitting is two consecutive blocks: the step "{titleEn}" belongs to the {block|term} block but comes after the {other|term} block began.',
    },
  },
  check(ctx) {
    const { meeting } = ctx;
    const procedure = ctx.options.procedures?.[meeting.kind] ?? DEFAULT_PROCEDURES[meeting.kind];
    checkMissing(ctx, procedure);

    const defs = new Map<string, ProcedureStep>();
    for (const p of procedure) if (!defs.has(p.step)) defs.set(p.step, p);
    meeting.steps.forEach((s, i) => {
      if (s.step === 'other' || defs.has(s.step)) return;
      ctx.report({
        path: `/steps/${i}/step`,
        messageId: 'notInProcedure',
        data: { step: s.step, ...labels(ctx, s.step), kind: meeting.kind },
        severity: 'warning',
      });
    });

    checkContent(ctx, defs);

    const { order, excluded } = checkBlocks(ctx, procedure, defs);
    checkOrder(ctx, order, excluded);
  },
};

/** Vietnamese and English titles of a step from the catalogue. */
function labels(ctx: MeetingContext<MeetingStepsOptions>, step: string): { title: string; titleEn: string } {
  const info = Object.hasOwn(ctx.env.steps, step) ? ctx.env.steps[step] : undefined;
  return { title: info?.title ?? step, titleEn: info?.en ?? step };
}

/**
 * Report steps of the procedure whose `content` is written but blank: a stub's empty skeleton, its
 * `stub: true` line deleted, must not pass as a record of a sitting that took place. A step without a
 * `content` key is left alone: its substance may live elsewhere (speakers, the vote, the score).
 */
function checkContent(ctx: MeetingContext<MeetingStepsOptions>, defs: Map<string, ProcedureStep>): void {
  ctx.meeting.steps.forEach((s, i) => {
    if (typeof s.content !== 'string' || s.content.trim() !== '') return;
    const def = defs.get(s.step);
    const level = def?.level ?? (def ? 'error' : 'optional');
    if (level === 'optional') return;
    ctx.report({
      path: `/steps/${i}/content`,
      messageId: 'emptyContent',
      data: { step: s.step, ...labels(ctx, s.step), ...hints(ctx, s.step) },
      severity: level === 'warning' ? 'warning' : undefined,
    });
  });
}

/** What a step's content records, from the catalogue, or a general description. */
function hints(ctx: MeetingContext<MeetingStepsOptions>, step: string): { hint: string; hintEn: string } {
  const info = Object.hasOwn(ctx.env.steps, step) ? ctx.env.steps[step] : undefined;
  return {
    hint: info?.hint ?? 'diễn biến thực tế của bước này (ai trình bày, nội dung chính, kết quả)',
    hintEn: info?.hintEn ?? 'what actually happened in it (who presented, the gist, the outcome)',
  };
}

/**
 * Where a missing step goes, in both languages: after the nearest earlier step of the procedure that the
 * record holds, or at the start of `steps` when it holds none of them.
 */
function placeOf(
  ctx: MeetingContext<MeetingStepsOptions>,
  procedure: ProcedureStep[],
  index: number,
  held: Set<string>,
): { after: string; where: string; whereEn: string } {
  for (let j = index - 1; j >= 0; j--) {
    const after = procedure[j]!.step;
    if (!held.has(after)) continue;
    const { title, titleEn } = labels(ctx, after);
    return { after, where: `mục steps, sau bước "${title}" (${after})`, whereEn: `steps, after "${titleEn}" (${after})` };
  }
  return { after: '', where: 'đầu mục steps', whereEn: 'the start of steps' };
}

/** Report required and recommended steps (or groups of alternatives) the record does not hold. */
function checkMissing(ctx: MeetingContext<MeetingStepsOptions>, procedure: ProcedureStep[]): void {
  const { meeting } = ctx;
  const held = new Set(meeting.steps.map((s) => s.step));
  const groups = new Map<string, ProcedureStep[]>();
  for (const p of procedure) {
    if (p.group) {
      const list = groups.get(p.group);
      if (list) list.push(p);
      else groups.set(p.group, [p]);
      continue;
    }
    const level = p.level ?? 'error';
    if (level === 'optional' || held.has(p.step)) continue;
    ctx.report({
      path: '/steps',
      key: true,
      messageId: level === 'warning' ? 'missingRecommended' : 'missing',
      data: { step: p.step, ...labels(ctx, p.step), kind: meeting.kind, ...placeOf(ctx, procedure, procedure.indexOf(p), held) },
      severity: level === 'warning' ? 'warning' : undefined,
    });
  }
  for (const [group, members] of groups) {
    if (members.some((p) => held.has(p.step))) continue;
    const levels = members.map((p) => p.level ?? 'error');
    // A group is as strict as its strictest member.
    const level = levels.includes('error') ? 'error' : levels.includes('warning') ? 'warning' : 'optional';
    if (level === 'optional') continue;
    const steps = members.map((p) => p.step);
    const lines = steps.map((s) => `"- step: ${s}"`);
    ctx.report({
      path: '/steps',
      key: true,
      messageId: 'missingOutcome',
      data: {
        group,
        steps: steps.join(', '),
        titles: steps.map((s) => `"${labels(ctx, s).title}"`).join(' / '),
        titlesEn: steps.map((s) => `"${labels(ctx, s).titleEn}"`).join(' / '),
        kind: meeting.kind,
        lines: lines.join(' hoặc '),
        linesEn: lines.join(' or '),
        ...placeOf(ctx, procedure, procedure.indexOf(members[0]!), held),
      },
      severity: level === 'warning' ? 'warning' : undefined,
    });
  }
}

/**
 * For a procedure with blocks (a combined sitting, rules.md C4): the two core blocks may come in either
 * order but not interleaved. Returns the step order to check against (blocks in the order the record
 * holds them) and the record positions already reported as interleaved, left out of the order check.
 */
function checkBlocks(
  ctx: MeetingContext<MeetingStepsOptions>,
  procedure: ProcedureStep[],
  defs: Map<string, ProcedureStep>,
): { order: Map<string, number>; excluded: Set<number> } {
  const excluded = new Set<number>();
  const blockOf = (s: MeetingStep): Block | undefined => defs.get(s.step)?.block;
  const firstIdx = procedure.findIndex((p) => p.block);
  if (firstIdx < 0) return { order: positions(procedure), excluded };

  let first: Block | undefined;
  let runs = 0;
  let current: Block | undefined;
  ctx.meeting.steps.forEach((s, i) => {
    const block = blockOf(s);
    if (!block) return;
    first ??= block;
    if (block !== current) {
      runs++;
      current = block;
      if (runs === 3) {
        ctx.report({
          path: `/steps/${i}/step`,
          messageId: 'blocksInterleaved',
          data: {
            step: s.step,
            ...labels(ctx, s.step),
            block,
            other: block === 'regular' ? 'thematic' : 'regular',
          },
        });
      }
    }
    if (runs >= 3) excluded.add(i);
  });

  const second: Block = first === 'thematic' ? 'regular' : 'thematic';
  const lastIdx = procedure.length - 1 - [...procedure].reverse().findIndex((p) => p.block);
  const region = procedure.slice(firstIdx, lastIdx + 1);
  const ordered = [
    ...procedure.slice(0, firstIdx),
    ...region.filter((p) => p.block === (first ?? 'regular')),
    ...region.filter((p) => p.block === second),
    ...region.filter((p) => !p.block),
    ...procedure.slice(lastIdx + 1),
  ];
  return { order: positions(ordered), excluded };
}

/** Step id → its rank in the procedure (the first occurrence counts). */
function positions(procedure: ProcedureStep[]): Map<string, number> {
  const order = new Map<string, number>();
  procedure.forEach((p, i) => {
    if (!order.has(p.step)) order.set(p.step, i);
  });
  return order;
}

/**
 * Report steps out of order. The steps kept in order are the longest chain of distinct steps rising in
 * procedure order; a split (repeated) step is in order when one of its parts is. Each step left out is
 * reported once, as coming after a step it should precede or before a step it should follow.
 */
function checkOrder(
  ctx: MeetingContext<MeetingStepsOptions>,
  order: Map<string, number>,
  excluded: Set<number>,
): void {
  const entries: { index: number; step: string; rank: number }[] = [];
  ctx.meeting.steps.forEach((s, index) => {
    const rank = order.get(s.step);
    if (rank === undefined || s.step === 'other' || excluded.has(index)) return;
    entries.push({ index, step: s.step, rank });
  });
  const n = entries.length;
  if (n < 2) return;

  // chainLength[i]: longest strictly rising chain starting at entry i.
  const chainLength = new Array<number>(n).fill(1);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) {
      if (entries[j]!.rank > entries[i]!.rank) chainLength[i] = Math.max(chainLength[i]!, chainLength[j]! + 1);
    }
  }
  // Among equally long chains prefer later entries, so the earlier step of a swapped pair is the one
  // reported, as "must come after".
  const inChain = new Set<number>();
  let best = Math.max(...chainLength);
  let cur = -1;
  for (let i = 0; i < n; i++) if (chainLength[i] === best) cur = i;
  while (cur >= 0) {
    inChain.add(cur);
    best--;
    let next = -1;
    for (let j = cur + 1; j < n; j++) {
      if (entries[j]!.rank > entries[cur]!.rank && chainLength[j] === best) next = j;
    }
    cur = next;
  }

  const chainSteps = new Set([...inChain].map((i) => entries[i]!.step));
  const reported = new Set<string>();
  entries.forEach((e, i) => {
    if (chainSteps.has(e.step) || reported.has(e.step)) return;
    reported.add(e.step);
    const path = `/steps/${e.index}/step`;
    const own = { step: e.step, ...labels(ctx, e.step) };
    // The chain rises in both record and procedure order, so exactly one of these is non-empty: chain
    // steps before this one that rank after it (it comes too late), or after it that rank before it.
    const laterBefore = [...inChain].filter((c) => c < i && entries[c]!.rank > e.rank);
    if (laterBefore.length > 0) {
      const before = entries[Math.min(...laterBefore)]!.step;
      const b = labels(ctx, before);
      const data = { ...own, before, beforeTitle: b.title, beforeTitleEn: b.titleEn };
      ctx.report({ path, messageId: 'outOfOrderBefore', data });
      return;
    }
    const earlierAfter = [...inChain].filter((c) => c > i && entries[c]!.rank < e.rank);
    if (earlierAfter.length === 0) return;
    const after = entries[Math.max(...earlierAfter)]!.step;
    const a = labels(ctx, after);
    ctx.report({ path, messageId: 'outOfOrder', data: { ...own, after, afterTitle: a.title, afterTitleEn: a.titleEn } });
  });
}

export default rule;
