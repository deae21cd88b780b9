import type { Metadata } from "next";
import { ChosenQuestions } from "@/components/classroom/chosen-questions";
import { storePage } from "@/components/site/store-outage";
import { classroomService } from "@/lib/classroom";
import { ClassroomError } from "@/lib/classroom/errors";
import { previewQuerySchema } from "@/lib/classroom/requests";
import { orNotFound } from "@/lib/http/or-not-found";

export const metadata: Metadata = { title: "Preview of a class quiz", robots: { index: false } };

/**
 * A session's questions, read-only, for whoever holds its preview link:
 * nobody joins and nothing is written; the link cannot run the session.
 */
async function Page({ params, searchParams }: PageProps<"/classroom/preview/[sessionId]">) {
  const { sessionId } = await params;
  const { key } = previewQuerySchema.safeParse(await searchParams).data ?? {};
  const preview = await orNotFound(
    (await classroomService()).getPreview(sessionId, key).catch((error: unknown) => {
      if (error instanceof ClassroomError && error.code === "not_host") return null;
      throw error;
    }),
  );
  if (!preview) {
    return (
      <>
        <h1>This preview link is not right</h1>
        <p>Ask the teacher who sent it to copy the preview link again from their questions page.</p>
      </>
    );
  }
  return (
    <>
      <h1>Preview of a class quiz</h1>
      <p className="lede">
        The {preview.questions.length} questions of this {preview.mode === "live" ? "live quiz" : "homework"}, in order, with their
        answers. Read-only: nothing here changes the session.
      </p>
      <ChosenQuestions questions={preview.questions} />
    </>
  );
}

export default storePage(Page);
