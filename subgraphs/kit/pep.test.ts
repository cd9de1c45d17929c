import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';
import { describe, expect, it } from 'vitest';
import {
  decrypt,
  deriveScalar,
  deserialize,
  embed,
  encrypt,
  invert,
  mapInSlices,
  pep,
  periodFactors,
  pointFromText,
  pointToText,
  publicKey,
  randomScalar,
  reshuffleRekey,
  scalarBytes,
  scalarFromText,
  serialize,
  type Point,
} from './pep';
import { DEVELOPMENT_PEP_KEYS } from './pep-config';

/** The parties' keys as docs/beleid.md sets them out: y with the key authority only. */
function keys() {
  const y = randomScalar();
  const k = randomScalar();
  return { y, Y: publicKey(y), receiverKey: scalarBytes(pep.mod(k * y)), k, shuffleSecret: new Uint8Array(32).fill(7) };
}

const BSN = 'bsn:999993653';

/** The reference implementation: @noble/curves, pure JavaScript, reading the same encodings. */
const noble = {
  point: (p: Point) => ristretto255.Point.fromBytes(p),
  embed: (identity: string) => ristretto255_hasher.hashToCurve(new TextEncoder().encode(identity), { DST: 'loketlink-pep-v1-identity' }),
  scalar: (s: Uint8Array) => bytesToNumberLE(s),
};
const text = (p: { toBytes(): Uint8Array }) => pointToText(p.toBytes());

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
    expect(pointToText(a)).toBe(text(noble.embed(BSN).multiply(noble.scalar(n))));
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
    const candidates = [M, noble.point(M).multiply(noble.scalar(receiverKey)).toBytes(), ...Array.from({ length: 3 }, () => encrypt(M, Y).c)].map(pointToText);
    expect(candidates).not.toContain(pseudonym);
    // The receiver cannot open what a source sent: its key is k·y, not y.
    expect(pointToText(decrypt(encrypt(M, Y), receiverKey))).not.toBe(pointToText(M));
  });

  it('refuses ciphertexts that are not two valid ristretto255 points, or hold the identity', () => {
    expect(() => deserialize('AAAA')).toThrow(/64 bytes/);
    expect(() => deserialize(Buffer.alloc(64, 0xff).toString('base64url'))).toThrow(/ristretto255/);
    const ct = encrypt(embed(BSN), keys().Y);
    expect(serialize(deserialize(serialize(ct)))).toBe(serialize(ct));
    // b = identity is an "encryption" with r = 0: c would be M in the clear.
    expect(() => deserialize(Buffer.concat([Buffer.alloc(32), ct.c]).toString('base64url'))).toThrow(/identity/);
    expect(() => pointFromText(Buffer.alloc(32, 0xff).toString('base64url'))).toThrow(/ristretto255/);
  });

  it('derives stable non-zero scalars and inverts them', () => {
    const secret = new Uint8Array(32).fill(1);
    expect(deriveScalar(secret, 'a')).toBe(deriveScalar(secret, 'a'));
    expect(deriveScalar(secret, 'a')).not.toBe(deriveScalar(secret, 'b'));
    const s = randomScalar();
    expect(pep.mod(s * invert(s))).toBe(1n);
    expect(() => scalarBytes(0n)).toThrow();
    expect(() => scalarBytes(pep.ORDER)).toThrow();
  });
});

/**
 * libsodium does the arithmetic; @noble/curves, an independent implementation of the same RFCs, checks
 * that each step gives the same group elements in the same encodings. A ciphertext made by either opens
 * with the other.
 */
describe('interoperability with @noble/curves', () => {
  it('embeds an identity as RFC 9380 hash_to_ristretto255 with the LoketLink tag', () => {
    for (const identity of [BSN, 'huishouden:6f1c0d1e-2b1a-4d2e-9a51-0d3c4b5a6978', '', 'bsn:é€😀', 'x'.repeat(300)]) {
      expect(pointToText(embed(identity)), identity).toBe(text(noble.embed(identity)));
    }
    // Pinned, as @noble/curves computed it before libsodium came in: the map must not change unnoticed.
    expect(pointToText(embed(BSN))).toBe('IncYE9r1AYOpBpcYB2UaoCCHt0DR1VVW1RUKchxmkEk');
  });

  it('reads scalars as the same numbers', () => {
    for (const s of [1n, 2n, 255n, 256n, pep.ORDER - 1n, randomScalar()]) {
      expect(noble.scalar(scalarBytes(s))).toBe(s);
      expect(scalarBytes(s)).toEqual(numberToBytesLE(s, 32));
    }
  });

  it('computes the same public key, and the development keys are the same numbers as before', () => {
    const y = randomScalar();
    expect(pointToText(publicKey(y))).toBe(text(ristretto255.Point.BASE.multiply(y)));
    const dev = DEVELOPMENT_PEP_KEYS;
    const systemKey = scalarFromText(dev.systemKey);
    expect(dev.publicKey).toBe(text(ristretto255.Point.BASE.multiply(systemKey)));
    expect(scalarFromText(dev.beleidKey)).toBe(pep.mod(scalarFromText(dev.rekeyFactor) * systemKey));
    // As @noble/curves derived them before libsodium came in: .env files and tests keep working.
    expect(dev.publicKey).toBe('DCt8SHCby7ICzz7ZnIltrYmXMAwHc4l6wwOCYxhFoB4');
  });

  it('encrypts so that @noble/curves decrypts, and the other way round', () => {
    const { y, Y } = keys();
    const M = embed(BSN);
    const ct = encrypt(M, Y);
    const [b, c] = [noble.point(ct.b), noble.point(ct.c)];
    expect(text(c.subtract(b.multiply(y)))).toBe(pointToText(M));
    const r = randomScalar();
    const fromNoble = { b: ristretto255.Point.BASE.multiply(r).toBytes(), c: noble.point(M).add(noble.point(Y).multiply(r)).toBytes() };
    expect(pointToText(decrypt(deserialize(serialize(fromNoble)), scalarBytes(y)))).toBe(pointToText(M));
  });

  it('reshuffles, rekeys and decrypts to the same points', () => {
    const { Y, receiverKey, k } = keys();
    const { n, nOverK } = periodFactors(new Uint8Array(32).fill(3), k, 'GM9999:2025-Q1');
    expect(pep.mod(noble.scalar(nOverK) * k)).toBe(noble.scalar(n));
    const ct = encrypt(embed(BSN), Y);
    const out = reshuffleRekey(ct, n, nOverK);
    expect(pointToText(out.b)).toBe(text(noble.point(ct.b).multiply(noble.scalar(nOverK))));
    expect(pointToText(out.c)).toBe(text(noble.point(ct.c).multiply(noble.scalar(n))));
    const opened = noble.point(out.c).subtract(noble.point(out.b).multiply(noble.scalar(receiverKey)));
    expect(pointToText(decrypt(out, receiverKey))).toBe(text(opened));
  });
});

describe('mapInSlices', () => {
  it('maps in order and lets the event loop run between slices', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const busy = (i: number) => {
      const until = performance.now() + 1;
      while (performance.now() < until);
      return i * 2;
    };
    const items = Array.from({ length: 60 }, (_, i) => i);
    expect(await mapInSlices(items, busy, 5)).toEqual(items.map((i) => i * 2));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
    expect(await mapInSlices([], busy)).toEqual([]);
  });
});
