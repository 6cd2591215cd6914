import { describe, it, expect } from 'vitest';
import { readMoney, showMoney } from '../../web/money.js';

describe('money as the form reads it', () => {
  it.each([
    ['560.000', 560000],
    ['560 000', 560000],
    ['560\u00A0000', 560000],
    ['560.000 đ', 560000],
    ['560.000đ', 560000],
    ['560.000 đồng', 560000],
    ['1.250.000', 1250000],
    ['1 250 000 VNĐ', 1250000],
    ['56000', 56000],
    ['  1.185.000  ', 1185000],
    ['0', 0],
  ])('reads %j as %d đồng', (typed, value) => {
    expect(readMoney(typed)).toEqual({ ok: true, value });
  });

  it('reads nothing as nothing', () => {
    expect(readMoney('')).toEqual({ ok: true, value: '' });
    expect(readMoney('   ')).toEqual({ ok: true, value: '' });
  });

  it.each(['560,5', '1,250,000', '56.00', '1.25.000', '1.250 000', '5600.00', '12.3456', 'năm trăm nghìn', '-560.000', 'đ'])(
    'does not guess %j: it says why, in Vietnamese, with an example',
    (typed) => {
      const read = readMoney(typed);
      expect(read.ok).toBe(false);
      expect(read.message).toMatch(/560\.000/);
      expect(read.message).not.toMatch(/null|NaN|undefined|integer|number/i);
    },
  );

  it('shows a sum back grouped by dots', () => {
    expect(showMoney(560000)).toBe('560.000');
    expect(showMoney(1250000)).toBe('1.250.000');
    expect(showMoney(900)).toBe('900');
  });
});
