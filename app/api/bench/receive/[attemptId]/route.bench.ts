export const dynamic = "force-dynamic";

/**
 * An answer-shaped request that does no work: a dynamic segment and a JSON
 * body read, then a fixed reply. The bench reports it beside the bare no-op,
 * to show how much of the answer route's cost is the framework receiving it.
 * It reads nothing from the segment or the body, so there is nothing to validate.
 */
export async function POST(request: Request, { params }: { params: Promise<{ attemptId: string }> }): Promise<Response> {
  await params;
  await request.text();
  return Response.json({ ok: true });
}
