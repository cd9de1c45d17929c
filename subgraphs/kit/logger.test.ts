import { describe, expect, it } from 'vitest';
import { redact, safeError } from './logger';

describe('the service log keeps values out', () => {
  it('drops a failed statement’s parameters and the values Postgres quotes', () => {
    const cause = Object.assign(new Error('invalid input syntax for type integer: "999339898"'), { code: '22P02' });
    const error = new Error(`Failed query: select "bsn" from "brp"."persoon" where "bsn" = $1 and "naam" = 'Jansen'\nparams: 999339898,Jansen`, { cause });
    const logged = JSON.stringify(safeError(error));
    expect(logged).not.toMatch(/999339898|Jansen/);
    expect(logged).toContain('"code":"22P02"');
    expect(logged).toContain('select \\"bsn\\" from');
  });

  it('replaces long runs of digits, so a BSN in any message is gone', () => {
    expect(redact('no such person 999190064 in GM9999')).toBe('no such person # in GM9999');
  });
});
