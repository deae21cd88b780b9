/**
 * Join codes: short enough to read off a projector and type on a phone,
 * long enough that guessing one is hopeless within the rate limits.
 *
 * The alphabet leaves out characters people confuse when reading at a
 * distance or typing: 0/O, 1/I/L, and U (read as V). 8 characters from 30 give
 * 30^8 ≈ 6.6 × 10^11 codes. A client may get about 60 codes wrong per 10
 * minutes (lib/classroom/limits.ts): with even 10,000 sessions open at once,
 * one client's chance of hitting any of them is below 1 in 100,000 per day.
 *
 * Client-safe (no node: imports): forms normalise what is typed with it.
 */

export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;

/** Whether a normalised code could be one of ours (no store lookup for anything else). */
export const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** Uniform random code from a random source that returns an integer in [0, max). */
export function newJoinCode(randomInt: (max: number) => number): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** What a person typed → the stored form: capitals, without spaces or dashes. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-–—_.]/g, "");
}

/** "K7QF3MZP" → "K7QF 3MZP", in two halves for reading aloud. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}
