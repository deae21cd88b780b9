import "server-only";
import { op } from "@/lib/store";
import { assertRoomId, type RoomContext } from "./context";
import { ROOM_MESSAGES, RoomError } from "./errors";
import { roomKeys } from "./keys";
import { parsePlayer, parseRoom, type PlayerRecord, type RoomRecord } from "./record";
import { isHostCredential, playerIdFor } from "./tokens";

/** Who is asking, from their cookies: the teacher's credential or a student's token. */

export function roomFrom(roomId: string, hash: Readonly<Record<string, string>>): RoomRecord {
  const room = parseRoom(roomId, hash);
  if (!room) throw new RoomError("not_found", ROOM_MESSAGES.notFound);
  return room;
}

export function requireHost(room: RoomRecord, credential: string | undefined): void {
  if (!isHostCredential(credential, room.hostHash)) throw new RoomError("not_host", ROOM_MESSAGES.notHost);
}

/** A player who may still take part; a removed one is refused (403), an unknown one is not found (404). */
export function activePlayerFrom(playerId: string, hash: Readonly<Record<string, string>>): PlayerRecord {
  const player = parsePlayer(playerId, hash);
  if (!player) throw new RoomError("not_joined", ROOM_MESSAGES.notPlayer);
  if (player.removed) throw new RoomError("removed", ROOM_MESSAGES.removed);
  return player;
}

/** The player id a token stands for; no token is "not in this session". */
export function playerIdFromToken(token: string | undefined): string {
  if (!token || token.length > 64) throw new RoomError("not_joined", ROOM_MESSAGES.notPlayer);
  return playerIdFor(token);
}

/** One round trip: the session, for the teacher holding `credential`. */
export async function readHostRoom(ctx: RoomContext, roomId: string, credential: string | undefined): Promise<RoomRecord> {
  assertRoomId(roomId);
  const [hash] = await ctx.store.exec([op.hgetall(roomKeys.room(roomId))]);
  const room = roomFrom(roomId, hash);
  requireHost(room, credential);
  return room;
}

/** One round trip: the session and the player whose token this is. */
export async function readPlayerRoom(
  ctx: RoomContext,
  roomId: string,
  token: string | undefined,
): Promise<{ room: RoomRecord; player: PlayerRecord }> {
  assertRoomId(roomId);
  const playerId = playerIdFromToken(token);
  const [roomHash, playerHash] = await ctx.store.exec([
    op.hgetall(roomKeys.room(roomId)),
    op.hgetall(roomKeys.player(roomId, playerId)),
  ]);
  return { room: roomFrom(roomId, roomHash), player: activePlayerFrom(playerId, playerHash) };
}
