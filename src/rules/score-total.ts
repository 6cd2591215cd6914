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
    vi: 'Tổng điểm tự đánh giá chất lượng buổi sinh hoạt trong khoảng 0–100; khi ghi điểm từng tiêu chí thì ghi đủ các tiêu chí của phiếu chấm điểm, tổng điểm bằng tổng điểm các tiêu chí và điểm mỗi tiêu chí không vượt mức tối đa.',
    en: 'The quality self-score lies within 0–100; when criteria are given, every criterion of the scoring sheet is there, the total equals their sum and none exceeds its maximum.',
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
    missingCriteria: {
      vi: 'Điểm tự đánh giá thiếu tiêu chí: {missing}. Ghi điểm của từng tiêu chí đó vào criteria (phiếu chấm điểm gồm: {known}), hoặc bỏ hẳn mục criteria nếu biên bản chỉ ghi tổng điểm và xếp loại.',
      en: 'The self-score lacks the criteria {missing}. Write the points of each in criteria (the scoring sheet has: {known}), or leave criteria out altogether when the minutes give only the total and the rating.',
    },
    unknownCriterion: {
      vi: 'Tiêu chí "{criterion}" không có trong phiếu chấm điểm (các tiêu chí: {known}).',
      en: 'Criterion "{criterion}" is not on the scoring sheet (criteria: {known}).',
    },
  },
  check(ctx) {
    const { score } = ctx.meeting;
    if (!score) return;
    if (score.total < 0 || score.total > 100) {
      ctx.report({ path: '/score/total', messageId: 'outOfRange', data: { total: score.total } });
    }
    // Minutes often give only "tự chấm 92 điểm, xếp loại Tốt": without criteria there is no sum to check,
    // and score-rating checks the total against the bands.
    const criteria = score.criteria as Record<string, number> | undefined;
    if (criteria === undefined) return;
    const sheet = ctx.options.criteria;
    const hasSheet = Object.keys(sheet).length > 0;
    const missing = Object.keys(sheet).filter((c) => !Object.hasOwn(criteria, c));
    if (missing.length > 0) {
      ctx.report({
        path: '/score/criteria',
        key: true,
        messageId: 'missingCriteria',
        data: { missing: missing.join(', '), known: Object.keys(sheet).join(', ') },
      });
    }
    let sum = 0;
    for (const [criterion, points] of Object.entries(criteria)) {
      sum += points;
      // Own keys only: a criterion named "constructor" must not find Object.prototype's.
      const max = Object.hasOwn(sheet, criterion) ? sheet[criterion] : undefined;
      const path = `/score/criteria/${segment(criterion)}`;
      // No sheet in the profile (the committee has not supplied one): only the sum can be checked.
      if (!hasSheet) continue;
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
    // With criteria missing the sum cannot match; the missing codes are the one thing to fix.
    if (missing.length === 0 && hundredths(sum) !== hundredths(score.total)) {
      ctx.report({
        path: '/score/total',
        messageId: 'sumMismatch',
        data: { sum: hundredths(sum) / 100, total: score.total },
      });
    }
  },
};

export default rule;
