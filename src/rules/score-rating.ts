// Rule score-rating: the rating (Tốt, Khá, Trung bình, Kém) matches the band of the total score.
import type { Rating } from '../model.js';
import type { MeetingRule } from './types.js';

/** Lower bounds of the bands: total ≥ good → Tốt, ≥ fair → Khá, ≥ average → Trung bình, else Kém. */
export interface ScoreRatingOptions {
  good: number;
  fair: number;
  average: number;
}

/** The rating a total deserves under the bands. */
function ratingFor(total: number, bands: ScoreRatingOptions): Rating {
  if (total >= bands.good) return 'good';
  if (total >= bands.fair) return 'fair';
  if (total >= bands.average) return 'average';
  return 'poor';
}

const rule: MeetingRule<ScoreRatingOptions> = {
  id: 'score-rating',
  scope: 'meeting',
  description: {
    vi: 'Xếp loại chất lượng buổi sinh hoạt đúng với tổng điểm: Tốt từ 90 điểm, Khá từ 70 đến dưới 90, Trung bình từ 50 đến dưới 70, Kém dưới 50.',
    en: 'The rating matches the total score: Good from 90, Fair from 70 to under 90, Average from 50 to under 70, Poor under 50.',
  },
  source: 'HD 12-HD/BTCTW (2018) §II.3; thang xếp loại Tốt ≥ 90, Khá 70–< 90, Trung bình 50–< 70, Kém < 50 trong hướng dẫn của các cấp ủy địa phương',
  defaultSeverity: 'error',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      good: { type: 'number', minimum: 0 },
      fair: { type: 'number', minimum: 0 },
      average: { type: 'number', minimum: 0 },
    },
  },
  defaultOptions: { good: 90, fair: 70, average: 50 },
  messages: {
    ratingMismatch: {
      vi: 'Tổng điểm {total} tương ứng mức xếp loại "{expected|term}", không phải "{rating|term}".',
      en: 'A total of {total} is rated "{expected|term}", not "{rating|term}".',
    },
  },
  check(ctx) {
    const { score } = ctx.meeting;
    if (!score) return;
    const expected = ratingFor(score.total, ctx.options);
    if (score.rating !== expected) {
      ctx.report({
        path: '/score/rating',
        messageId: 'ratingMismatch',
        data: { rating: score.rating, expected, total: score.total },
      });
    }
  },
};

export default rule;
