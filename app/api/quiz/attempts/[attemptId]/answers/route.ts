import { seeOther } from "@/lib/http/form-response";
import { route } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-request";
import { requesterOf } from "@/lib/http/requester";
import { answerSchema } from "@/lib/questions/requests";
import { quizService } from "@/lib/quiz";
import { QuizError } from "@/lib/quiz/errors";
import { feedbackPath, playPath, withNotice } from "@/lib/quiz/paths";
import { nextStep } from "@/lib/quiz/next-step";

/**
 * Answer one question. Scripts get the feedback and the next step as JSON;
 * a plain form is sent to the page that shows the feedback. Rate limited per
 * attempt and per client, and idempotent with an Idempotency-Key (header, or
 * the form's hidden field): see answerQuestion in lib/quiz/attempts.ts.
 * A plain form from a stale tab (its question already answered otherwise,
 * a 409 for scripts) is taken to where the attempt is, with a note.
 */
export const POST = route<{ attemptId: string }>(
  async (request, { attemptId }) => {
    const { data, format } = await parseBody(request, answerSchema);
    const { idempotencyKey, ...answer } = data;
    const result = await (await quizService())
      .answerQuestion(attemptId, answer, requesterOf(request, { idempotencyKey }))
      .catch((error: unknown) => {
        if (format === "form" && error instanceof QuizError && error.code === "conflict") return null;
        throw error;
      });
    if (result === null) return seeOther(withNotice(playPath(attemptId), "answered-elsewhere"));
    if (format === "form") return seeOther(feedbackPath(attemptId, data.questionId));
    return Response.json({ feedback: result.feedback, next: nextStep(attemptId, result.progress), replay: result.replay });
  },
  { formErrorBack: ({ attemptId }) => playPath(attemptId) },
);
