import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The secrets of a session, and what is stored instead of them.
 *
 * - Session id: 128 random bits; in URLs, not a secret on its own.
 * - Host credential: 256 random bits in the teacher's HttpOnly cookie and
 *   private host link. The store keeps only its SHA-256, so a leaked
 *   database does not let anyone run the session.
 * - Player token: 128 random bits in the student's HttpOnly cookie. The
 *   player's id is derived from it (SHA-256), and only the id is shown to
 *   the teacher or kept in the roster: knowing a classmate's id does not
 *   let anyone answer as them. A join sent with an idempotency key gets a
 *   token derived from that key instead (`playerTokenFor`), so a retry can
 *   be given the same token again without the token ever being stored: the
 *   key is as secret as the cookie (it lives only in the joining browser's
 *   form), and the store keeps only its hash (`idempotencyKeyHash`).
 */

const random128 = () => randomBytes(16).toString("base64url");

const sha256 = (text: string) => createHash("sha256").update(text).digest();

export const newSessionId = random128;

export const newPlayerToken = random128;

export function newHostCredential(): string {
  return randomBytes(32).toString("base64url");
}

export function hashHostCredential(credential: string): string {
  return sha256(credential).toString("hex");
}

/** Constant-time comparison of a presented credential with the stored hash. */
export function isHostCredential(credential: string | undefined, storedHash: string): boolean {
  if (!credential || credential.length > 100) return false;
  const presented = sha256(credential);
  const stored = Buffer.from(storedHash, "hex");
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}

/** The player token of a join sent with `idempotencyKey`: the same for every retry of it, unguessable without the key. */
export function playerTokenFor(sessionId: string, idempotencyKey: string): string {
  return sha256(`join:${sessionId}:${idempotencyKey}`).subarray(0, 16).toString("base64url");
}

/** How a join's idempotency key is named in the store: never the key itself, which the token derives from. */
export function idempotencyKeyHash(idempotencyKey: string): string {
  return sha256(`join-key:${idempotencyKey}`).subarray(0, 16).toString("base64url");
}

/** A player's public id: 22 base64url characters, the same shape as a session id. */
export function playerIdFor(token: string): string {
  return sha256(`player:${token}`).subarray(0, 16).toString("base64url");
}

/** The key under which a nickname is unique in a session: case-insensitive, fixed length. */
export function nicknameHash(nickname: string): string {
  return sha256(nickname.toLocaleLowerCase("en")).subarray(0, 16).toString("base64url");
}

/**
 * A session's preview key: derived from the stored host hash, so it needs no key of its own and
 * dies with the session. It shows the questions read-only; the hash is one-way, so the key never
 * leads back to the host credential that runs the session.
 */
export function previewKeyFor(hostHash: string): string {
  return sha256(`preview:${hostHash}`).subarray(0, 16).toString("base64url");
}

export function isPreviewKey(key: string | undefined, hostHash: string): boolean {
  const expected = Buffer.from(previewKeyFor(hostHash));
  return key !== undefined && key.length === expected.length && timingSafeEqual(Buffer.from(key), expected);
}
