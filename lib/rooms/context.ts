import { withDefaults, type QuizContext, type QuizDeps } from "@/lib/quiz/context";
import { roomIdSchema } from "./schemas";
import { ROOM_MESSAGES, RoomError } from "./errors";

/**
 * What session operations need: the store, the question bank, a clock and a
 * random source. The same shape as the quiz's, so tests build both the same
 * way (a fixture bank, a fixed clock).
 */
export type RoomDeps = QuizDeps;
export type RoomContext = QuizContext;
export const roomContext = withDefaults;

/** An id that cannot be ours is simply not found: no round trip, no key built from junk. */
export function assertRoomId(roomId: string): void {
  if (!roomIdSchema.safeParse(roomId).success) throw new RoomError("not_found", ROOM_MESSAGES.notFound);
}
