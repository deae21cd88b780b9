import { parseBody } from "@/lib/http/parse-request";
import { route } from "@/lib/http/handle-route";
import { seeOther } from "@/lib/http/form-response";
import { startAttempt, startQuizSchema } from "@/lib/quiz";
import { playPath } from "@/lib/quiz/paths";
import { startChallenge } from "@/lib/share";

/**
 * Start a quiz: 201 with the attempt for scripts, 303 to the first question
 * for a plain form. With `challenge` (from a shared result's "Beat my score"),
 * the quiz replays that result's questions.
 */
export const POST = route(
  async (request) => {
    const { data, format } = await parseBody(request, startQuizSchema);
    const { challenge } = data;
    const attempt = challenge === undefined ? await startAttempt(data) : await startChallenge({ ...data, challenge });
    const href = playPath(attempt.attemptId);
    return format === "form"
      ? seeOther(href)
      : Response.json({ attemptId: attempt.attemptId, length: attempt.length, href }, { status: 201 });
  },
  { formErrorBack: () => ({ href: "/quiz", label: "Back to the quiz" }) },
);
