/**
 * Burgerservicenummer (BSN) helpers for synthetic data.
 *
 * Synthetic persons only ever get a BSN from 999000000..999999999. Any other 9-digit number that passes the
 * 11-proef may have been issued to a real person, and a demo must never be able to point at a real person's
 * records. That range is small: each 8-digit prefix 99900000..99999999 has at most one valid check digit, so
 * there are exactly {@link TEST_BSN_COUNT} (90,909) test BSNs — enough for a gemeente of ~40,000 households,
 * not for 100,000.
 */

/** Weights of the 11-proef for BSN digits 1..9 (the last digit counts negatively, unlike the bank 11-proef). */
const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

const FIRST_PREFIX = 99_900_000;
const PREFIX_COUNT = 100_000;

/** True for 9 digits whose weighted sum is divisible by 11 (and not 000000000, which trivially passes). */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value) || value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (value.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return sum % 11 === 0;
}

/**
 * All valid test BSNs in ascending order, as numbers. For a prefix the check digit is forced to
 * (weighted sum of the 8 prefix digits) mod 11, and the prefix is skipped when that is 10.
 * 100,000 prefixes take about a millisecond, so the table is built once at import.
 */
function buildTestBsns(): Uint32Array {
  const out = new Uint32Array(PREFIX_COUNT);
  let count = 0;
  for (let prefix = FIRST_PREFIX; prefix < FIRST_PREFIX + PREFIX_COUNT; prefix++) {
    let sum = 0;
    let rest = prefix;
    for (let weight = 2; weight <= 9; weight++) {
      sum += (rest % 10) * weight;
      rest = Math.floor(rest / 10);
    }
    const check = sum % 11;
    if (check <= 9) out[count++] = prefix * 10 + check;
  }
  return out.slice(0, count);
}

const TEST_BSNS = buildTestBsns();

/** How many valid BSNs the test range 999xxxxxx holds (90,909). */
export const TEST_BSN_COUNT: number = TEST_BSNS.length;

/** The n-th (0-based) valid BSN in 999000000..999999999, in ascending order. O(1) after the table is built. */
export function testBsn(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= TEST_BSN_COUNT) {
    throw new RangeError(`testBsn(${n}): n must be an integer in 0..${TEST_BSN_COUNT - 1}`);
  }
  return String(TEST_BSNS[n]);
}
