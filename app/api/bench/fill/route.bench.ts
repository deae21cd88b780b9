import { z } from "zod";
import { fillFinishedAttempts } from "@/bench/server/fill";
import { route } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-request";
import { getStore } from "@/lib/store";

export const dynamic = "force-dynamic";

const fillSchema = z
  .object({ count: z.number().int().min(1).max(100_000), seed: z.number().int(), records: z.boolean() })
  .strict();

/** Writes `count` finished attempts in bulk for the growth benchmark (see bench/server/fill.ts). */
export const POST = route(async (request) => {
  const { data } = await parseBody(request, fillSchema);
  return Response.json(await fillFinishedAttempts(await getStore(), data));
});
