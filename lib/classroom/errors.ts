import { PublicError } from "@/lib/public-error";

/**
 * Classroom failures a person can cause. Their statuses are in
 * lib/public-error.ts; each message says what to do next.
 */

export type ClassroomErrorCode =
  /** Unknown or expired session or code. */
  | "not_found"
  /** This browser is not a player of the session (no or unknown player cookie). */
  | "not_joined"
  /** The teacher removed this player. */
  | "removed"
  /** Not the teacher's session (no or wrong host cookie). */
  | "not_host"
  /** Locked to new joins. */
  | "locked"
  /** 200 players already. */
  | "full"
  /** Over: the teacher ended it, or the homework deadline passed. */
  | "ended"
  /** Nickname used by someone else in this session. */
  | "nickname_taken"
  /** Nickname refused by the filter. */
  | "invalid_nickname"
  /** The state moved on (another device, a double click, the question closed). */
  | "conflict"
  /** Answers to this question are closed. */
  | "closed";

export class ClassroomError extends PublicError<ClassroomErrorCode> {}

export const CLASSROOM_MESSAGES = {
  notFound: "This class session could not be found. It may have expired; ask your teacher for the code.",
  codeNotFound: (code: string) =>
    `No class session has the code ${code}. Check the code on the screen and try again.`,
  notPlayer: "You are not in this session on this device. Join with the code on the screen.",
  removed: "Your teacher removed you from this session, so you cannot answer or rejoin.",
  notHost:
    "Only the teacher who created this session can open this page. On another device, use your private host link.",
  locked: "The teacher has locked this session: no one new can join. Ask your teacher.",
  full: "This session is full (200 players). Ask your teacher to start another one.",
  ended: "This session has ended. Ask your teacher for the results.",
  nicknameTaken: (nickname: string) =>
    `Someone in this session is already called “${nickname}”. Add a letter or number, or leave it blank for a generated name.`,
  stale: "The session has moved on (perhaps on another device). The screen now shows where it is.",
  closed: "Answers to this question are closed.",
  notCurrent: "That question is not the one being asked now. Your screen has been updated.",
  alreadyAnswered: "You already answered this question; your first answer counts.",
} as const;
