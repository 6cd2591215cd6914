// Rule score-total: the quality self-score adds up, stays within 0–100 and follows the profile's scoring sheet.
import type { MeetingRule } from './types.js';

/** Options of score-total. */
export interface ScoreTotalOptions {
  /** The scoring sheet (phiếu chấm điểm): criterion id → maximum points. */
  criteria: Record<string, number>;
}

/** RFC 6901 escaping of one pointer segment. */
function segment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Points are compared to the hundredth: half points occur, and 0.1 + 0.2 must equal 0.3. */
function hundredths(n: number): number {
  return Math.round(n * 100);
}

const rule: MeetingRule<ScoreTotalOptions> = {
  id: 'score-total',
  scope: 'meeting',
  description: {
    vi: 'Tổng điểm tự đánh giá chất lượng buổi sinh hoạt bằng tổng điểm các tiêu chí, trong khoảng 0–100; điểm mỗi tiêu chí không vượt mức tối đa của phiếu chấm điểm.',
    en: 'The quality self-score equals the sum of its criteria and lies within 0–100; no criterion exceeds its maximum on the scoring sheet.',
  },
  source: 'HD 12-HD/BTCTW (2018) §II.3 (các nhóm tiêu chí); điểm từng tiêu chí do cấp ủy quy định (phiếu chấm điểm của bộ quy tắc)',
  defaultSeverity: 'error',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      criteria: {
        type: 'object',
        propertyNames: { minLength: 1 },
        additionalProperties: { type: 'number', minimum: 0 },
      },
    },
  },
  defaultOptions: {
    criteria: {
      duration: 5,
      attendance: 5,
      preparation: 10,
      conduct: 40,
      principles: 5,
      results: 30,
      closing: 5,
    },
  },
  messages: {
    sumMismatch: {
      vi: 'Tổng điểm ghi là {total} nhưng cộng điểm các tiêu chí được {sum}.',
      en: 'The total is {total} but the criteria add up to {sum}.',
    },
    outOfRange: {
      vi: 'Tổng điểm {total} nằm ngoài thang điểm 0–100.',
      en: 'The total {total} is outside the 0–100 scale.',
    },
    criterionOverMax: {
      vi: 'Tiêu chí "{criterion}" được {points} điểm, vượt mức tối đa {max} điểm của phiếu chấm điểm.',
      en: 'Criterion "{criterion}" has {points} points, more than its maximum of {max}.',
    },
    unknownCriterion: {
      vi: 'Tiêu chí "{criterion}" không có trong phiếu chấm điểm (các tiêu chí: {known}).',
      en: 'Criterion "{criterion}" is not on the scoring sheet (criteria: {known}).',
    },
  },
  check(ctx) {
    const { score } = ctx.meeting;
    if (!score) return;
    const sheet = ctx.options.criteria;
    let sum = 0;
    for (const [criterion, points] of Object.entries(score.criteria)) {
      sum += points;
      // Own keys only: a criterion named "constructor" must not find Object.prototype's.
      const max = Object.hasOwn(sheet, criterion) ? sheet[criterion] : undefined;
      const path = `/score/criteria/${segment(criterion)}`;
      if (max === undefined) {
        ctx.report({
          path,
          key: true,
          messageId: 'unknownCriterion',
          data: { criterion, known: Object.keys(sheet).join(', ') },
          severity: 'warning',
        });
      } else if (hundredths(points) > hundredths(max)) {
        ctx.report({ path, messageId: 'criterionOverMax', data: { criterion, points, max } });
      }
    }
    if (score.total < 0 || score.total > 100) {
      ctx.report({ path: '/score/total', messageId: 'outOfRange', data: { total: score.total } });
    }
    if (hundredths(sum) !== hundredths(score.total)) {
      ctx.report({
        path: '/score/total',
        messageId: 'sumMismatch',
        data: { sum: hundredths(sum) / 100, total: score.total },
      });
    }
  },
};

export default rule;
