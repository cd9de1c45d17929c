import { badUserInput } from '../kit/errors';

/**
 * A Dutch postcode as a caller may type it: four digits (the first not 0) and two letters, with or without
 * a space, in any case, `1234AB` or `1234 ab`. Returned as the BRP table stores it, `1234 AB`.
 */
const POSTCODE = /^([1-9][0-9]{3}) *([A-Za-z]{2})$/;

/** Checks a postcode argument and gives it in the stored form; a malformed one is the caller's error, not a miss. */
export function requirePostcode(value: string, field = 'postcode'): string {
  const match = POSTCODE.exec(value.trim());
  if (!match) throw badUserInput(`"${field}" must be a Dutch postcode: four digits and two letters, like 1234 AB`, field);
  return `${match[1]} ${match[2]!.toUpperCase()}`;
}

/** A BRP huisnummer: 1 to 99999 (the letter and the toevoeging are separate fields). */
export function requireHuisnummer(value: number, field = 'huisnummer'): number {
  if (!Number.isInteger(value) || value < 1 || value > 99_999) throw badUserInput(`"${field}" must be a house number from 1 to 99999`, field);
  return value;
}
