import { waitMinutes, type RateLimitRule } from "@/lib/rate-limit";

/**
 * The classroom's rate limits. Sized so a real class never meets them and
 * a script does:
 *
 * - Wrong codes cost the client that typed them, and only wrong ones: a
 *   class of 40 behind one school address that each mistype the code once
 *   stays under 60, while a guesser gets 60 tries per 10 minutes (see
 *   lib/rooms/code.ts for why that is hopeless).
 * - Joins per session stop one session being flooded (the 200-player cap
 *   stops it filling; this stops the churn of nickname clashes).
 * - Joins per client leave room for several classes behind one address.
 * - Creating sessions is limited per client so a script cannot fill the store.
 */


export const ROOM_RATE_LIMITS = {
  wrongCodes: {
    name: "room-code-miss",
    limit: 60,
    windowSeconds: 600,
    message: (s) => `Too many wrong codes have been tried from this network. Wait ${waitMinutes(s)}, then type the code on the screen.`,
  },
  joinsPerRoom: {
    name: "room-join",
    limit: 400,
    windowSeconds: 600,
    message: (s) => `This session is busy with people joining. Please try again in ${waitMinutes(s)}.`,
  },
  joinsPerClient: {
    name: "room-join-client",
    limit: 300,
    windowSeconds: 600,
    message: (s) => `Too many joins from this network. Please try again in ${waitMinutes(s)}.`,
  },
  createsPerClient: {
    name: "room-create",
    limit: 30,
    windowSeconds: 3600,
    message: (s) => `Too many sessions have been created from this network. Please try again in ${waitMinutes(s)}.`,
  },
} as const satisfies Record<string, RateLimitRule>;
