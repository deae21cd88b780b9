import { NICKNAME_MESSAGES } from "@/lib/nickname-text";
import { PublicError, type PublicErrorCode } from "@/lib/public-error";

/**
 * Classroom failures a person can cause. Their statuses are in
 * lib/public-error.ts; each message says what to do next.
 */

export type ClassroomErrorCode = Extract<PublicErrorCode, "not_found" | "not_joined" | "removed" | "not_host" | "locked" | "full" | "waiting" | "waiting_full" | "ended" | "nickname_taken" | "invalid_nickname" | "invalid_team" | "conflict" | "closed">;

export class ClassroomError extends PublicError<ClassroomErrorCode> {}

export const CLASSROOM_MESSAGES = {
  notFound: "This class session could not be found. It may have expired; ask your teacher for the code.",
  codeNotFound: (code: string) =>
    `No class session has the code ${code}. Check the code on the screen and try again.`,
  notPlayer: "You are not in this session on this device. Join with the code on the screen.",
  removed: "Your teacher removed you from this session, so you cannot answer or rejoin.",
  turnedAway: "Your teacher did not let you into this session. If you think that was a mistake, tell your teacher.",
  waiting: "Waiting for your teacher to let you in. This page moves on by itself once they do.",
  waitingFull:
    "Too many people are waiting for the teacher to let them in, so no one else can wait right now. Tell your teacher, who can let them in, then try again.",
  notHost:
    "Only the teacher who created this session can open this page. On another device, use your private host link.",
  locked: "Your teacher has locked this session, so no one new can join. If you should be in it, tell your teacher: they can unlock it.",
  full: "Every seat in this session is taken, so no one new can join. Tell your teacher: they can remove players or start another session.",
  fullToLetIn: (seats: number) => `The session is full (${seats.toLocaleString("en-GB")} players): remove players before letting more in.`,
  ended: "This session has ended. Ask your teacher for the results.",
  nicknameTaken: NICKNAME_MESSAGES.taken,
  stale: "The session has moved on (perhaps on another device). The screen now shows where it is.",
  closed: "Your answer arrived after the question closed, so it does not count.",
  notCurrent: "That question is not the one being asked now. Your screen has been updated.",
  alreadyAnswered: "You already answered this question; your first answer counts.",
  chooseTeam: (count: number) => `Choose your team: one of the ${count} teams on the screen.`,
  teamAnswered: "Your team has already answered this question: its first answer counts, so this one is not counted.",
} as const;
