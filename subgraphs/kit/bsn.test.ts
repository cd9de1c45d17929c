import { describe, it, expect } from 'vitest';
import { isValidBsn, testBsn, TEST_BSN_COUNT } from './bsn';

describe('isValidBsn', () => {
  it('accepts numbers that pass the 11-proef', () => {
    // Only test-range numbers, even in a test of the check itself: a valid number outside 999xxxxxx may be a real BSN.
    // 81+72+63+6+45+36+0+12-4 = 275 = 25*11
    expect(isValidBsn('999190064')).toBe(true);
    // 81+72+63+24+5+8+12+2-3 = 264 = 24*11
    expect(isValidBsn('999412413')).toBe(true);
    // 9*(9+8+7+6+5+4+3+2) - 0 = 396 = 36*11
    expect(isValidBsn('999999990')).toBe(true);
    // 9*9+8*9+7*9 - 7 = 209 = 19*11
    expect(isValidBsn('999000007')).toBe(true);
  });

  it('rejects numbers that fail the 11-proef', () => {
    expect(isValidBsn('123456789')).toBe(false); // 147
    expect(isValidBsn('999999999')).toBe(false); // 387
    expect(isValidBsn('999000000')).toBe(false); // 216
    expect(isValidBsn('999190065')).toBe(false); // 274
  });

  it('rejects anything that is not exactly 9 digits, and all zeros', () => {
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('99919006')).toBe(false);
    expect(isValidBsn('9991900640')).toBe(false);
    expect(isValidBsn('99919006a')).toBe(false);
    expect(isValidBsn(' 999190064')).toBe(false);
    expect(isValidBsn('')).toBe(false);
  });
});

describe('testBsn', () => {
  it('starts and ends at the first and last valid numbers of 999000000..999999999', () => {
    expect(testBsn(0)).toBe('999000007');
    expect(testBsn(TEST_BSN_COUNT - 1)).toBe('999999990');
  });

  it('enumerates every valid test BSN exactly once, in ascending order', () => {
    let previous = 0;
    for (let n = 0; n < TEST_BSN_COUNT; n++) {
      const bsn = testBsn(n);
      if (!isValidBsn(bsn) || !bsn.startsWith('999') || Number(bsn) <= previous) {
        throw new Error(`testBsn(${n}) = ${bsn} is invalid, out of range or out of order`);
      }
      previous = Number(bsn);
    }
  });

  it('has as many values as a brute-force count of the range (90,909: far fewer than 9 million)', () => {
    let count = 0;
    for (let x = 999_000_000; x <= 999_999_999; x++) if (isValidBsn(String(x))) count++;
    expect(count).toBe(90_909);
    expect(TEST_BSN_COUNT).toBe(count);
  });

  it('throws a RangeError outside 0..TEST_BSN_COUNT-1', () => {
    expect(() => testBsn(-1)).toThrow(RangeError);
    expect(() => testBsn(TEST_BSN_COUNT)).toThrow(RangeError);
    expect(() => testBsn(1.5)).toThrow(RangeError);
    expect(() => testBsn(Number.NaN)).toThrow(RangeError);
  });
});
