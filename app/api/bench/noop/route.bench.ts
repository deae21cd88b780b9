export const dynamic = "force-dynamic";

/** The framework's floor for an API request: the answer route's throughput is compared with this one's. */
export async function POST(): Promise<Response> {
  return Response.json({ ok: true });
}
