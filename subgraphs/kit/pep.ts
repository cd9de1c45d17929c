/**
 * Polymorphic pseudonymisation (PEP: Verheul and Jacobs 2016, as BSNk uses it) on ristretto255, for the
 * policy figures: the lokets and the brp hand over who uses what without any statistics service learning
 * who anyone is. docs/beleid.md has the threat model.
 *
 * An identity (a BSN) becomes a point M = H(identity). A source encrypts it with ElGamal under the system's
 * public key Y = y·G: (b, c) = (r·G, M + r·Y), freshly random every time, so two encryptions of the same BSN
 * look unrelated. The transcryptor, holding a per-period factor n and the receiver's rekey factor k but not
 * y, turns it into (n/k·b, n·c) without decrypting: an encryption of n·M under the key k·y. The receiver
 * (the beleid service) holds k·y only and decrypts to the pseudonym n·M: equal for equal BSNs within a
 * period, unrelated across periods, and without n not computable from a BSN, by the receiver or a source.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';

type Point = InstanceType<typeof ristretto255.Point>;
const { Point } = ristretto255;

/** The order of the ristretto255 group. */
const ORDER = 2n ** 252n + 27742317777372353535851937790883648493n;
const DST = 'loketlink-pep-v1-identity';

export interface Ciphertext {
  b: Point;
  c: Point;
}

const mod = (a: bigint) => ((a % ORDER) + ORDER) % ORDER;

/** A uniformly random non-zero scalar. */
export function randomScalar(): bigint {
  for (;;) {
    const s = mod(BigInt(`0x${randomBytes(64).toString('hex')}`));
    if (s !== 0n) return s;
  }
}

/** A non-zero scalar derived from `secret` for `context` (a period's shuffle factor, a receiver's rekey factor). */
export function deriveScalar(secret: Uint8Array, context: string): bigint {
  const s = mod(BigInt(`0x${createHmac('sha512', secret).update(context).digest('hex')}`));
  if (s === 0n) throw new Error('derived a zero scalar'); // probability 2^-252
  return s;
}

/** a⁻¹ mod the group order (extended Euclid). */
export function invert(a: bigint): bigint {
  let [t0, t1, r0, r1] = [0n, 1n, ORDER, mod(a)];
  while (r1) {
    const q = r0 / r1;
    [t0, t1] = [t1, t0 - q * t1];
    [r0, r1] = [r1, r0 - q * r1];
  }
  if (r0 !== 1n) throw new Error('not invertible');
  return mod(t0);
}

/** The point of an identity: "bsn:999…" for a person. */
export function embed(identity: string): Point {
  return ristretto255_hasher.hashToCurve(new TextEncoder().encode(identity), { DST });
}

/** The public key of secret key `x`. */
export function publicKey(x: bigint): Point {
  return Point.BASE.multiply(x);
}

/**
 * A public key prepared for many encryptions: a table of its multiples, so that r·Y costs about as much
 * as r·G (a source encrypts every person of a period under the same key).
 */
export function encryptionKey(Y: Point): Point {
  return Y.precompute(8);
}

export function encrypt(M: Point, Y: Point): Ciphertext {
  const r = randomScalar();
  return { b: Point.BASE.multiply(r), c: M.add(Y.multiply(r)) };
}

/** Reshuffle by n and rekey by k in one pass: an encryption of n·M under k·y. */
export function reshuffleRekey(ct: Ciphertext, n: bigint, nOverK: bigint): Ciphertext {
  // multiplyUnsafe: not constant time, which is fine for points that are public ciphertexts; the scalars are
  // the transcryptor's own and the same for every ciphertext of a period.
  return { b: ct.b.multiplyUnsafe(nOverK), c: ct.c.multiplyUnsafe(n) };
}

/** The plaintext point of a ciphertext under secret key x. */
export function decrypt(ct: Ciphertext, x: bigint): Point {
  return ct.c.subtract(ct.b.multiplyUnsafe(x));
}

/** 64 bytes as base64url: b then c. */
export function serialize(ct: Ciphertext): string {
  return Buffer.concat([ct.b.toBytes(), ct.c.toBytes()]).toString('base64url');
}

/** Refuses anything that is not two valid ristretto255 encodings. */
export function deserialize(text: string): Ciphertext {
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length !== 64) throw new Error('a ciphertext is 64 bytes');
  return { b: Point.fromBytes(bytes.subarray(0, 32)), c: Point.fromBytes(bytes.subarray(32)) };
}

export function pointToText(p: Point): string {
  return Buffer.from(p.toBytes()).toString('base64url');
}

export function pointFromText(text: string): Point {
  return Point.fromBytes(Buffer.from(text, 'base64url'));
}

export function scalarToText(s: bigint): string {
  return s.toString(16).padStart(64, '0');
}

export function scalarFromText(text: string): bigint {
  if (!/^[0-9a-f]{64}$/.test(text)) throw new Error('a scalar is 64 hex digits');
  const s = BigInt(`0x${text}`);
  if (s === 0n || s >= ORDER) throw new Error('a scalar lies between 0 and the group order');
  return s;
}

/** The transcryptor's scalars for one period and receiver. */
export function periodFactors(shuffleSecret: Uint8Array, rekey: bigint, period: string): { n: bigint; nOverK: bigint } {
  const n = deriveScalar(shuffleSecret, `periode:${period}`);
  return { n, nOverK: mod(n * invert(rekey)) };
}

export const pep = { mod, ORDER };

/**
 * `items.map(work)` in slices, yielding to the event loop between them: a period's ciphertexts take this
 * machine minutes of elliptic-curve arithmetic, and a service must keep answering its other requests
 * meanwhile (a gateway that blocked for that long would time out every fetch). Worker threads would use
 * the other cores too (docs/beleid.md, "What is not there yet").
 */
export async function mapInSlices<T, R>(items: readonly T[], work: (item: T) => R, slice = 16): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  for (let i = 0; i < items.length; i += slice) {
    for (let j = i; j < Math.min(i + slice, items.length); j++) out[j] = work(items[j]!);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}
