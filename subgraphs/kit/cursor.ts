import { badUserInput } from './errors';

/**
 * Opaque page cursors. A cursor wraps the last key of a page; clients must not build or parse them, so
 * that the ordering behind them can change without breaking anyone.
 */
export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  // A forged cursor may decode to anything: only printable keys, so a control character never reaches SQL.
  if (!decoded.startsWith('k:') || decoded.length < 3 || /[\u0000-\u001f\u007f\ufffd]/.test(decoded)) throw badUserInput(`"${field}" is not a cursor from this API`, field);
  return decoded.slice(2);
}

/** Page size between 1 and `max`; anything else is the caller's error, not a silent clamp. */
export function requirePageSize(first: number, max: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badUserInput(`"${field}" must be between 1 and ${max}`, field);
  }
  return first;
}
