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
 *
 * The group arithmetic is libsodium's (WebAssembly, `libsodium-wrappers-sumo`), four to ten times faster per
 * multiplication than pure JavaScript; a table of 40,000 households is some 50,000 ciphertexts, and each
 * costs five multiplications on its way (two at the source, two at the transcryptor, one at the receiver).
 * Points are their 32-byte ristretto255 encodings (RFC 9496), so any implementation reads them
 * (pep.test.ts checks every step against `@noble/curves`). Scalars are bigints where keys are made and
 * read (rare, and their text is the big-endian hex of the number) and 32-byte little-endian arrays where
 * libsodium multiplies with them.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers-sumo';

// The WebAssembly module loads once, when this module is first imported: every function below is then
// ready, synchronously, in every process and test that imports it (about 70 ms, once).
await sodium.ready;

/** A ristretto255 group element as its canonical 32-byte encoding (RFC 9496). */
export type Point = Uint8Array;
/** A scalar as libsodium multiplies with it: 32 bytes, little-endian, below the group order. */
export type Scalar = Uint8Array;

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

/** A scalar (0 < s < the group order) as libsodium takes it. */
export function scalarBytes(s: bigint): Scalar {
  if (s <= 0n || s >= ORDER) throw new Error('a scalar lies between 0 and the group order');
  return new Uint8Array(Buffer.from(s.toString(16).padStart(64, '0'), 'hex').reverse());
}

// RFC 9380's expand_message_xmd with SHA-512 for 64 bytes (one block: b₁ = H(b₀ ‖ 1 ‖ DST′)).
const DST_PRIME = Buffer.concat([Buffer.from(DST), Buffer.from([DST.length])]);
const Z_PAD = Buffer.alloc(128);
const LENGTH_AND_ZERO = Buffer.from([0, 64, 0]);
const ONE = Buffer.from([1]);

/**
 * The point of an identity: "bsn:999…" for a person. It is RFC 9380's hash_to_ristretto255 (suite
 * ristretto255_XMD:SHA-512_R255MAP_RO_) with the LoketLink domain tag: expand_message_xmd to 64 bytes,
 * then RFC 9496's one-way map (libsodium's `crypto_core_ristretto255_from_hash`).
 */
export function embed(identity: string): Point {
  const b0 = createHash('sha512').update(Z_PAD).update(identity, 'utf8').update(LENGTH_AND_ZERO).update(DST_PRIME).digest();
  const uniform = createHash('sha512').update(b0).update(ONE).update(DST_PRIME).digest();
  return sodium.crypto_core_ristretto255_from_hash(uniform);
}

/** The public key of secret key `x`. */
export function publicKey(x: bigint): Point {
  return sodium.crypto_scalarmult_ristretto255_base(scalarBytes(x));
}

// The sources' fresh scalars come from one draw of random bytes per 256 encryptions: a call of
// randomBytes costs more than the reduction.
let randomPool = Buffer.alloc(0);
let randomAt = 0;

/** A fresh uniformly random scalar: 64 random bytes reduced modulo the group order. */
function freshScalar(): Scalar {
  if (randomAt + 64 > randomPool.length) {
    randomPool = randomBytes(64 * 256);
    randomAt = 0;
  }
  const wide = randomPool.subarray(randomAt, (randomAt += 64));
  const r = sodium.crypto_core_ristretto255_scalar_reduce(wide);
  wide.fill(0);
  return r;
}

/**
 * (r·G, M + r·Y) with a fresh r. A zero r (probability 2^-252) would make libsodium's multiplication throw
 * ("result is identity element"), never send M in the clear.
 */
export function encrypt(M: Point, Y: Point): Ciphertext {
  const r = freshScalar();
  return { b: sodium.crypto_scalarmult_ristretto255_base(r), c: sodium.crypto_core_ristretto255_add(M, sodium.crypto_scalarmult_ristretto255(r, Y)) };
}

/** Reshuffle by n and rekey by k in one pass: an encryption of n·M under k·y. Two multiplications. */
export function reshuffleRekey(ct: Ciphertext, n: Scalar, nOverK: Scalar): Ciphertext {
  return { b: sodium.crypto_scalarmult_ristretto255(nOverK, ct.b), c: sodium.crypto_scalarmult_ristretto255(n, ct.c) };
}

/** The plaintext point of a ciphertext under secret key x: c − x·b. One multiplication. */
export function decrypt(ct: Ciphertext, x: Scalar): Point {
  return sodium.crypto_core_ristretto255_sub(ct.c, sodium.crypto_scalarmult_ristretto255(x, ct.b));
}

/** 64 bytes as base64url: b then c. */
export function serialize(ct: Ciphertext): string {
  return Buffer.concat([ct.b, ct.c]).toString('base64url');
}

const isIdentity = (p: Point) => p.every((byte) => byte === 0);

/**
 * Refuses anything that is not two valid ristretto255 encodings, and the identity as b (r = 0, which no
 * source makes: c would be M itself) or as c (nothing a source encrypts).
 */
export function deserialize(text: string): Ciphertext {
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length !== 64) throw new Error('a ciphertext is 64 bytes');
  const b = new Uint8Array(bytes.subarray(0, 32));
  const c = new Uint8Array(bytes.subarray(32));
  if (!sodium.crypto_core_ristretto255_is_valid_point(b) || !sodium.crypto_core_ristretto255_is_valid_point(c)) {
    throw new Error('a ciphertext is two ristretto255 encodings');
  }
  if (isIdentity(b) || isIdentity(c)) throw new Error('a ciphertext holds no identity element');
  return { b, c };
}

export function pointToText(p: Point): string {
  return Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString('base64url');
}

/** Refuses anything that is not a valid ristretto255 encoding. */
export function pointFromText(text: string): Point {
  const p = new Uint8Array(Buffer.from(text, 'base64url'));
  if (p.length !== 32 || !sodium.crypto_core_ristretto255_is_valid_point(p)) throw new Error('a point is a 32-byte ristretto255 encoding');
  return p;
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

/** The transcryptor's scalars for one period and receiver, ready for `reshuffleRekey`. */
export function periodFactors(shuffleSecret: Uint8Array, rekey: bigint, period: string): { n: Scalar; nOverK: Scalar } {
  const n = deriveScalar(shuffleSecret, `periode:${period}`);
  return { n: scalarBytes(n), nOverK: scalarBytes(mod(n * invert(rekey))) };
}

export const pep = { mod, ORDER };

/**
 * `items.map(work)` in slices of about `sliceMs` milliseconds, yielding to the event loop between them: a
 * period's ciphertexts take seconds of elliptic-curve arithmetic, and a service must keep answering its
 * other requests meanwhile (a gateway that blocked for that long would time out every fetch). A slice is
 * measured in time, not items, because an item costs from 0.1 ms (one multiplication) to 0.5 ms (two
 * ciphertexts); 10 ms keeps the yield's own cost far below 1 % and a waiting request's delay short.
 */
export async function mapInSlices<T, R>(items: readonly T[], work: (item: T) => R, sliceMs = 10): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let i = 0;
  while (i < items.length) {
    const until = performance.now() + sliceMs;
    do {
      out[i] = work(items[i]!);
    } while (++i < items.length && performance.now() < until);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}
