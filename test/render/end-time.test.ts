// withoutEndTime(): the last step's own statement of the end time is dropped, the rest of its content kept.
import { describe, expect, it } from 'vitest';
import { withoutEndTime } from '../../src/render/viewmodel.js';

describe('withoutEndTime', () => {
  it.each([
    ['Thư ký đọc biên bản, chi bộ nhất trí thông qua; kết thúc lúc 21 giờ 05 phút cùng ngày.', 'Thư ký đọc biên bản, chi bộ nhất trí thông qua.'],
    ['Thư ký đọc biên bản. Buổi sinh hoạt kết thúc vào lúc 21 giờ 05 phút.', 'Thư ký đọc biên bản.'],
    ['Chi bộ thông qua biên bản và kết thúc lúc 21h05', 'Chi bộ thông qua biên bản.'],
    ['Hội nghị kết thúc vào lúc 21 giờ cùng ngày.', ''],
  ])('%s', (content, expected) => {
    expect(withoutEndTime(content)).toBe(expected);
  });

  it('keeps content that only mentions an end without a time, or states it before other text', () => {
    const kept = [
      'Thư ký đọc biên bản, chi bộ nhất trí thông qua.',
      'Chuyên đề kết thúc phần thảo luận; thư ký đọc biên bản.',
      'Kết thúc lúc 21 giờ 05 phút; biên bản được thông qua.',
    ];
    for (const content of kept) expect(withoutEndTime(content)).toBe(content);
  });
});
