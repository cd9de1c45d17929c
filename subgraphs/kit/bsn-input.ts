import { isValidBsn } from './bsn';
import { badUserInput } from './errors';

/** Checks a BSN argument before it reaches the database; a malformed one is the caller's error, not a miss. */
export function requireBsn(value: string, field = 'bsn'): string {
  if (!isValidBsn(value)) {
    throw badUserInput(`"${field}" must be a BSN: 9 digits that pass the 11-proef`, field);
  }
  return value;
}
