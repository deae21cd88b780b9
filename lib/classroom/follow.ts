import { rankOf } from "./rank";
import type { HostView, LivePhase, LiveShared, StudentView } from "./views";

/**
 * How a phone (and the teacher's screen, `followHost`) follows the class without asking for its own view each time:
 * it takes the class's shared state (LiveShared, one cached copy for
 * everyone) and its own last view, and builds the view the server would
 * send, or says it cannot. Pure, and client-safe.
 *
 * It cannot when something of the student's own is due: the teacher
 * changed something for one student (the epoch moved: maybe this one was
 * removed or given more time), the student has their own deadline or
 * options, or the student's answer is about to be scored in the open
 * (its points show from the reveal on, and only the server knows them).
 * Otherwise nothing of theirs changes: the question, the timer, the
 * reveal and the standings are the class's, and their score and answer
 * stay as they were.
 */

/**
 * How often a phone asks for the shared state. A cached copy (a CDN's or
 * nginx's, `s-maxage=1`) is up to a second old when it is handed out, so a
 * phone asking every three quarters of a second shows a teacher's action
 * within 1.75 s and the network's time: under two seconds.
 */
export const FOLLOW_POLL_MS = 750;

/** The phases in which a phone shows the current question. */
const QUESTION_PHASES: readonly LivePhase[] = ["open", "closed", "reveal"];

/** The student's answer to the current question is not yet scored in the open while the class is still on it, unrevealed. */
function answerStillHidden(view: StudentView, shared: LiveShared): boolean {
  return shared.index === view.question?.index && (shared.phase === "open" || shared.phase === "closed");
}

/** "First answer" teams: a teammate's answer already counts, and this student has not answered. */
function teammateAnswered(view: Pick<StudentView, "team" | "settings" | "yourAnswer" | "question">, shared: LiveShared): boolean {
  return view.team !== null && view.settings.teams?.rule === "first" && view.yourAnswer === null && view.question !== null && shared.teamsAnswered.includes(view.team);
}

/** The next view (the same one when nothing it shows changed), or null when only the student's own view (GET …/state) can say it. */
export function follow(view: StudentView, shared: LiveShared): StudentView | null {
  if (shared.sessionId !== view.sessionId) return null;
  // A cached copy older than the phone's own view (it just answered, say) has nothing new.
  if (shared.version < view.version || shared.epoch < view.epoch) return view;
  if (shared.epoch !== view.epoch) return null;
  if (shared.version === view.version) {
    const teamAnswered = teammateAnswered(view, shared);
    return view.players === shared.players && view.teamAnswered === teamAnswered ? view : { ...view, players: shared.players, teamAnswered };
  }
  if (view.personal) return null;
  if (view.yourAnswer !== null && view.reveal === null && !answerStillHidden(view, shared)) return null;

  const showsQuestion = QUESTION_PHASES.includes(shared.phase) && shared.question !== null;
  const question = showsQuestion ? shared.question : null;
  const yourAnswer = question !== null && shared.index === view.question?.index ? view.yourAnswer : null;
  const next = { ...view, settings: shared.settings, question, yourAnswer };
  return {
    ...next,
    version: shared.version,
    phase: shared.phase,
    closesAt: shared.phase === "open" ? shared.closesAt : null,
    reveal: shared.reveal && yourAnswer === null ? { ...shared.reveal, youWereRight: null, points: 0 } : null,
    top: shared.top,
    teams: shared.teams,
    rank: shared.ranking ? rankOf(view.score, shared.ranking) : null,
    players: shared.players,
    teamAnswered: teammateAnswered(next, shared),
  };
}

/**
 * The teacher's screen follows the same shared state: answers come in as a
 * count; anything else (the teacher's own moves from another device,
 * joins, leaves, the waiting room) reads the teacher's view again.
 */
export function followHost(view: HostView, shared: LiveShared): HostView | null {
  if (shared.version < view.version) return view;
  if (shared.version !== view.version || shared.players !== view.players.length || shared.waiting !== view.waiting.length) return null;
  // Within one version the class answers only the current question, so the answers so far move with its count.
  return shared.answered === view.answered ? view : { ...view, answered: shared.answered, answers: view.answers + shared.answered - view.answered };
}
