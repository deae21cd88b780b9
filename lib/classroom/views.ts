import type { AnswerFeedback, CorrectionNote, NextStep, PublicQuestion, QuestionKind, SourceRef } from "@/lib/questions/schemas";
import type { Topic } from "@/lib/content/ids";
import type { Accommodations, Scoring, SessionMode, TeamAssignment, TeamRule, TimerChoice } from "./settings";

/**
 * What a student's phone and the teacher's screens receive. Client-safe
 * types; nothing here holds an answer key before the reveal.
 */

/**
 * A live session's phase. "open" with its timer run out reads as "closed";
 * "ended" shows the podium.
 */
export const LIVE_PHASES = ["lobby", "open", "closed", "reveal", "standings", "ended"] as const;
export type LivePhase = (typeof LIVE_PHASES)[number];

export interface DistributionBar {
  label: string;
  count: number;
  correct: boolean;
}

/** Frozen when the teacher reveals a question: the key, why, and how the class answered. */
export interface RevealInfo {
  correctAnswer: string | string[];
  explanation: string;
  /** Choices in the order the phones showed them; ordering questions: right vs wrong. */
  distribution: DistributionBar[];
  answered: number;
}

export interface StandingEntry {
  rank: number;
  nickname: string;
  score: number;
}

export interface SessionSettings {
  mode: SessionMode;
  scoring: Scoring;
  timer: TimerChoice;
  total: number;
  /** Homework: answers close at this time (ms). */
  deadline: number | null;
  /** Live sessions played in teams (lib/classroom/teams.ts); null without teams. */
  teams?: TeamSettings | null;
}

export interface TeamSettings {
  /** 2 to 8 teams, numbered from 1. */
  count: number;
  assignment: TeamAssignment;
  rule: TeamRule;
}

export interface TeamStanding {
  rank: number;
  team: number;
  /** "Team 1 · Red ▲" */
  name: string;
  /** Players in the team now (not removed, not waiting). */
  members: number;
  score: number;
}

/**
 * What every phone in a live session needs to know, the same for all of
 * them: public, so a CDN or a caching proxy can serve one copy to the
 * whole class (GET …/live). A phone builds its screen from this and the
 * last view of its own (lib/classroom/follow.ts). No answer key before the
 * reveal; no student's answers; scores only without names, for ranks.
 */
export interface LiveShared extends LiveStage {
  /** Moves when the teacher changes something for one student (removed them, gave them more time): every phone reads its own view again. */
  epoch: number;
  players: number;
  /** Players waiting for the teacher to let them in: the teacher's screen reads its list again when this moves. */
  waiting: number;
  /** Every active score, highest first, in the standings and on the podium: each phone finds its own rank. */
  ranking: number[] | null;
  /** "First answer" teams that have answered the current question. */
  teamsAnswered: number[];
}

/** What a student's phone receives: never the answer key before the reveal, never another student's answers. */
export interface StudentView {
  sessionId: string;
  version: number;
  /** LiveShared's `epoch` when this was built. */
  epoch: number;
  /** The teacher gave this student their own time or options: the class's shared state is not enough to follow. */
  personal: boolean;
  /** Server clock (ms), so the phone can correct its own for the countdown. */
  now: number;
  settings: SessionSettings;
  nickname: string;
  phase: LivePhase;
  question: PublicQuestion | null;
  closesAt: number | null;
  /** This student's answer to the current question, as they read it. */
  yourAnswer: string | string[] | null;
  /** After the reveal: the key and how the class did; `youWereRight` is null when the student did not answer. */
  reveal: (RevealInfo & { youWereRight: boolean | null; points: number }) | null;
  top: StandingEntry[] | null;
  /** As of the last reveal: an answered question's points count from its reveal, so the score cannot give the answer away. */
  score: number;
  /** Shared rank among the class (1 = first), from the last standings or the podium. */
  rank: number | null;
  players: number;
  /** The student's team; null without teams. */
  team: number | null;
  /** "First answer" teams: a teammate's answer to the current question already counts for the team (never set once the student answered). */
  teamAnswered: boolean;
  /** Team standings, from the last standings or the podium. */
  teams: TeamStanding[] | null;
}

export interface RosterEntry {
  /** Public id (a hash of the player's cookie token), safe to show the teacher. */
  id: string;
  nickname: string;
  joinedAt: number;
}

/** Where a live session stands, as the projector and the class's shared state both say it. */
export interface LiveStage {
  sessionId: string;
  version: number;
  settings: SessionSettings;
  /** As of when this was built: an open question's timer may since have run out (`closesAt` says when). */
  phase: LivePhase;
  index: number;
  question: PublicQuestion | null;
  closesAt: number | null;
  answered: number;
  reveal: RevealInfo | null;
  top: StandingEntry[] | null;
  /** Team standings, from the last standings or the podium. */
  teams: TeamStanding[] | null;
}

/** What the projector and the teacher's controls receive (host cookie only). */
export interface HostView extends LiveStage {
  code: string;
  now: number;
  players: RosterEntry[];
  locked: boolean;
  /** New players wait for the teacher to let them in (lib/classroom/waiting-room.ts). */
  approval: boolean;
  /** Players waiting to be let in, in join order. */
  waiting: RosterEntry[];
  /** Answers recorded so far, to any question: homework's progress, which the dashboard watches for. */
  answers: number;
}

/** The poll's answer when nothing changed: a few bytes. */
export interface UnchangedPoll {
  changed: false;
  version: number;
  now: number;
  /** Joins do not move the version; the lobby still shows the count grow. */
  players: number;
}

export interface HomeworkView {
  sessionId: string;
  nickname: string;
  settings: SessionSettings;
  ended: boolean;
  /** The first question not yet answered; null when all are, or the session is over. */
  question: PublicQuestion | null;
  /** Feedback on an answered question the page was asked to show (a plain form post lands here). */
  shown: { question: PublicQuestion; feedback: AnswerFeedback } | null;
  answered: number;
  /** Homework is scored on accuracy: the number of right answers. */
  score: number;
  /** Once finished or over: shared rank among the class so far. */
  rank: { rank: number; of: number } | null;
}

export type PlayView = { mode: "live"; view: StudentView } | { mode: "homework"; view: HomeworkView };

/**
 * What the answer route returns. Live: the student's refreshed view (answer
 * received, no key until the reveal). Homework: the quiz's own shape, so
 * the quiz's question form works unchanged: feedback, then the next step.
 */
export type AnswerResponse =
  | { mode: "live"; view: StudentView }
  | { mode: "homework"; feedback: AnswerFeedback; next: NextStep };

export interface CreatedSession {
  sessionId: string;
  code: string;
  /** Only ever returned here: it goes into the teacher's cookie and host link, the store keeps its hash. */
  hostCredential: string;
  /** Seconds until the session is deleted: the host cookie lives as long. */
  ttlSeconds: number;
}

export interface Joined {
  token: string;
  playerId: string;
  nickname: string;
  /** True when the browser was already in the session: nothing was written. */
  rejoined: boolean;
  /** The player waits for the teacher to let them in (lib/classroom/waiting-room.ts). */
  waiting: boolean;
  /** Seconds until the session is deleted: the cookie lives as long. */
  ttlSeconds: number;
}

export interface JoinInfo {
  sessionId: string;
  code: string;
  settings: SessionSettings;
  /** Why joining would be refused now, with the message to show; null when it would not. */
  refusal: string | null;
  /** This browser's player in the session: none yet, one that may continue (or is waiting to be let in), or one the teacher removed or turned away. */
  player: "none" | "active" | "removed" | "turned-away";
}

export interface ShareCount {
  /** 0–1, or null before anyone answered. */
  share: number | null;
  answered: number;
}

export interface DashboardQuestion {
  index: number;
  id: string;
  prompt: string;
  quote: string | undefined;
  /** How tables and the CSV name it: the prompt, or for "Who said it?" the opening of the quotation. */
  label: string;
  correctAnswer: string;
  explanation: string;
  sources: SourceRef[];
  learnMore: { href: string; label: string };
  /** This class. */
  class: ShareCount;
  mostChosenWrong: { label: string; count: number } | null;
  /** Everyone who has answered this question in the public quiz. */
  everyone: ShareCount;
  /** Set when the question was changed after this session drew it: the class answered the earlier text. */
  correctedSince: CorrectionNote | null;
}

export interface DashboardAnswer {
  /** As the student read it (item texts joined with arrows for orderings). */
  display: string;
  correct: boolean;
  points: number;
}

export interface DashboardStudent {
  id: string;
  nickname: string;
  removed: boolean;
  score: number;
  correct: number;
  answered: number;
  /** Shared rank among students still in the session; null for removed ones. */
  rank: number | null;
  /** The student's team; absent or null without teams. */
  team?: number | null;
  /** One per question, null where not answered. */
  answers: (DashboardAnswer | null)[];
  /** Given by the teacher; private to the student (never on the projector or other phones). */
  accommodations: Accommodations;
}

export interface Dashboard {
  sessionId: string;
  code: string;
  settings: SessionSettings;
  phase: LivePhase;
  locked: boolean;
  approval: boolean;
  /** Players waiting to be let in, in join order. */
  waiting: RosterEntry[];
  /** Players in the session, in join order (for "Remove the players who joined in the last minute"). */
  players: RosterEntry[];
  /** Server time of this view: what the teacher's actions on it refer to (`seenAt`). */
  now: number;
  version: number;
  created: number;
  expiresAt: number;
  questions: DashboardQuestion[];
  /** Active students by rank, then removed ones: every one, or the page of them asked for. */
  students: DashboardStudent[];
  /** Students in the session, everyone the table lists (removed ones too), and where `students` starts in that list. */
  studentList: { active: number; total: number; first: number };
  class: ShareCount;
  everyone: ShareCount;
  /** Team standings now; absent or null without teams. */
  teams?: TeamStanding[] | null;
}

/** A session's question as the teacher (and a preview) sees it: with the key, the explanation and the sources. */
export interface ChosenQuestion {
  index: number;
  id: string;
  kind: QuestionKind;
  prompt: string;
  quote: string | undefined;
  difficulty: string;
  topics: Topic[];
  /** Option texts in the order the class will see them; items (shuffled) for ordering questions. */
  choices: string[];
  correctAnswer: string;
  explanation: string;
  sources: SourceRef[];
}

/** A bank question the teacher may add. */
export interface BankCandidate {
  id: string;
  kind: QuestionKind;
  prompt: string;
  difficulty: string;
  topics: Topic[];
}

/** The teacher's questions page (lib/classroom/choose.ts). */
export interface QuestionChoices {
  sessionId: string;
  mode: SessionMode;
  version: number;
  /** Why the questions can no longer change, or null while they can. */
  locked: string | null;
  questions: ChosenQuestion[];
  /** Fewest and most questions a session may have. */
  limits: { min: number; max: number };
  /** Bank questions not in the session, after the filter. */
  candidates: BankCandidate[];
  /** The read-only preview link's key. */
  previewKey: string;
}

/** What a preview link shows: the questions, read-only. */
export interface SessionPreview {
  mode: SessionMode;
  questions: ChosenQuestion[];
}
