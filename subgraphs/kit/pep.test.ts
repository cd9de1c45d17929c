import { describe, expect, it } from 'vitest';
import {
  decrypt,
  deriveScalar,
  deserialize,
  embed,
  encrypt,
  encryptionKey,
  invert,
  pep,
  periodFactors,
  pointToText,
  publicKey,
  randomScalar,
  reshuffleRekey,
  serialize,
} from './pep';

/** The parties' keys as docs/beleid.md sets them out: y with the key authority only. */
function keys() {
  const y = randomScalar();
  const k = randomScalar();
  return { Y: encryptionKey(publicKey(y)), receiverKey: pep.mod(k * y), k, shuffleSecret: new Uint8Array(32).fill(7) };
}

const BSN = 'bsn:999993653';

describe('polymorphic pseudonymisation on ristretto255', () => {
  it('gives the receiver the same pseudonym for the same BSN from two sources within a period', () => {
    const { Y, receiverKey, k, shuffleSecret } = keys();
    const { n, nOverK } = periodFactors(shuffleSecret, k, 'GM9999:2025');
    const fromBrp = encrypt(embed(BSN), Y);
    const fromWmo = encrypt(embed(BSN), Y);
    // Two encryptions of one BSN look unrelated to anyone without a key.
    expect(serialize(fromBrp)).not.toBe(serialize(fromWmo));
    const a = decrypt(reshuffleRekey(fromBrp, n, nOverK), receiverKey);
    const b = decrypt(reshuffleRekey(fromWmo, n, nOverK), receiverKey);
    expect(pointToText(a)).toBe(pointToText(b));
    expect(pointToText(a)).toBe(pointToText(embed(BSN).multiply(n)));
  });

  it('gives unrelated pseudonyms in another period, and for another BSN', () => {
    const { Y, receiverKey, k, shuffleSecret } = keys();
    const pseudonym = (bsn: string, period: string) => {
      const { n, nOverK } = periodFactors(shuffleSecret, k, period);
      return pointToText(decrypt(reshuffleRekey(encrypt(embed(bsn), Y), n, nOverK), receiverKey));
    };
    expect(pseudonym(BSN, 'GM9999:2025')).not.toBe(pseudonym(BSN, 'GM9999:2024'));
    expect(pseudonym(BSN, 'GM9999:2025')).not.toBe(pseudonym('bsn:999990019', 'GM9999:2025'));
  });

  it('leaves a pseudonym unreachable from a BSN with what a source or the receiver holds', () => {
    const { Y, receiverKey, k, shuffleSecret } = keys();
    const { n, nOverK } = periodFactors(shuffleSecret, k, 'GM9999:2025');
    const pseudonym = pointToText(decrypt(reshuffleRekey(encrypt(embed(BSN), Y), n, nOverK), receiverKey));
    const M = embed(BSN);
    // What a source can compute from the BSN: the point itself, fresh encryptions, anything under Y.
    const candidates = [M, M.multiply(receiverKey), ...Array.from({ length: 3 }, () => encrypt(M, Y).c)].map(pointToText);
    expect(candidates).not.toContain(pseudonym);
    // The receiver cannot open what a source sent: its key is k·y, not y.
    expect(pointToText(decrypt(encrypt(M, Y), receiverKey))).not.toBe(pointToText(M));
  });

  it('refuses ciphertexts that are not two valid ristretto255 points', () => {
    expect(() => deserialize('AAAA')).toThrow(/64 bytes/);
    expect(() => deserialize(Buffer.alloc(64, 0xff).toString('base64url'))).toThrow();
    const ct = encrypt(embed(BSN), keys().Y);
    expect(serialize(deserialize(serialize(ct)))).toBe(serialize(ct));
  });

  it('derives stable non-zero scalars and inverts them', () => {
    const secret = new Uint8Array(32).fill(1);
    expect(deriveScalar(secret, 'a')).toBe(deriveScalar(secret, 'a'));
    expect(deriveScalar(secret, 'a')).not.toBe(deriveScalar(secret, 'b'));
    const s = randomScalar();
    expect(pep.mod(s * invert(s))).toBe(1n);
  });
});
