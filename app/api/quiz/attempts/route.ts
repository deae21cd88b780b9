import { parseBody } from "@/lib/http/parse-request";
import { route } from "@/lib/http/handle-route";
import { seeOther } from "@/lib/http/form-response";
import { startAttempt, startQuizSchema } from "@/lib/quiz";
import { playPath } from "@/lib/quiz/paths";

/** Start a quiz: 201 with the attempt for scripts, 303 to the first question for a plain form. */
export const POST = route(
  async (request) => {
    const { data, format } = await parseBody(request, startQuizSchema);
    const attempt = await startAttempt(data);
    const href = playPath(attempt.attemptId);
    return format === "form"
      ? seeOther(href)
      : Response.json({ attemptId: attempt.attemptId, length: attempt.length, href }, { status: 201 });
  },
  { formErrorBack: () => ({ href: "/quiz", label: "Back to the quiz" }) },
);
