import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { requireHuisnummer, requirePostcode } from './adres';

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error.extensions;
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('requirePostcode', () => {
  it('gives every spelling of a postcode in the form the BRP table stores, 1234 AB', () => {
    for (const spelling of ['8620 AB', '8620AB', '8620ab', '8620 ab', ' 8620  Ab ']) expect(requirePostcode(spelling)).toBe('8620 AB');
  });

  it('refuses a malformed postcode with BAD_USER_INPUT naming the argument', () => {
    for (const malformed of ['', '862 AB', '0620 AB', '86200 AB', '8620 A', '8620-AB', '8620 A1', 'AB 8620', '8620 ABC']) {
      expect(refusal(() => requirePostcode(malformed)), malformed).toEqual({ code: 'BAD_USER_INPUT', field: 'postcode' });
    }
  });
});

describe('requireHuisnummer', () => {
  it('takes 1 to 99999 and refuses anything else', () => {
    expect(requireHuisnummer(1)).toBe(1);
    expect(requireHuisnummer(99_999)).toBe(99_999);
    for (const wrong of [0, -3, 100_000]) expect(refusal(() => requireHuisnummer(wrong))).toEqual({ code: 'BAD_USER_INPUT', field: 'huisnummer' });
  });
});
