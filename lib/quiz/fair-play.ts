/**
 * Who may enter the leaderboards. Feedback names the right answer, so a
 * script can learn the bank and replay it perfectly; these two rules make
 * that costly and keep it off the boards without touching real play (the
 * result, its review and its share link are the same either way):
 *
 * - Pace: a result finished faster than a person can read its questions
 *   stays off the boards. The floor is generous to fast readers: half a
 *   second per question to tap, plus its prompt at 50 characters a second
 *   (about 600 words a minute, skimming speed). A 10-question quiz takes a
 *   real player minutes; its floor is under 20 seconds. Measured on the
 *   server from the attempt's own start and finish times.
 * - Networks: one network (client address, IPv6 by /64) puts at most three
 *   results on each board per day or month, so one address cannot fill the
 *   top ten however many attempts it plays.
 *
 * Each board counts its entries per network in a hash beside it, under a
 * 16-bit bucket of the address (a keyed hash whose key is the board's
 * period's own, lib/security/client-keys.ts): about
 * 65,000 IPv4 addresses share each bucket, so no address can be read back
 * from it, and two honest networks rarely share one (they would share
 * the three entries). It lives as long as its board (networkBucket,
 * ./leaderboard.ts). This file imports nothing, so the end-to-end tests can
 * pace their players by it.
 */
export const FAIR_PLAY = {
  msPerQuestion: 500,
  msPerPromptCharacter: 20,
  entriesPerNetwork: 3,
} as const;

/** Why a named result is not on the boards, shown to its player. */
export const OFF_BOARD_REASONS = ["pace", "network"] as const;
export type OffBoardReason = (typeof OFF_BOARD_REASONS)[number];

export const OFF_BOARD_MESSAGES: Record<OffBoardReason, string> = {
  pace: "It is not on the leaderboards: it was finished faster than the questions can be read.",
  network: `It is not on the leaderboards: ${FAIR_PLAY.entriesPerNetwork} results from your network are already on them.`,
};

/** The least time, in ms, in which a person can read and answer questions with these prompts. */
export function minimumPlayMs(prompts: readonly string[]): number {
  return prompts.reduce((sum, prompt) => sum + FAIR_PLAY.msPerQuestion + prompt.length * FAIR_PLAY.msPerPromptCharacter, 0);
}
