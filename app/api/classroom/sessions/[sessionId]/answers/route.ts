import { seeOther } from "@/lib/http/form-response";
import { route } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-request";
import { answerSchema } from "@/lib/questions/requests";
import { requesterOf } from "@/lib/http/requester";
import { classroomService } from "@/lib/classroom";
import { readPlayerCookie } from "@/lib/classroom/cookies";
import { requestCookies } from "@/lib/http/cookies";
import { homeworkFeedbackPath, playPath } from "@/lib/classroom/paths";

/**
 * A student's answer, counted once. Live: the refreshed view ("answer
 * received"). Homework: feedback and the next step, as the quiz does. A
 * plain form goes back to the play page (homework: showing the feedback).
 * Rate limited per player and per client. Takes an Idempotency-Key (header,
 * or the form's hidden field), as a phone sends with an answer it kept while
 * offline; the answer slot itself makes every repeat safe: the same answer
 * again is a replay (the same view), another a 409 (see lib/classroom/answer.ts).
 */
export const POST = route<{ sessionId: string }>(
  async (request, { sessionId }) => {
    const { data, format } = await parseBody(request, answerSchema);
    const { idempotencyKey, ...answer } = data;
    const token = readPlayerCookie(requestCookies(request), sessionId);
    const result = await (await classroomService()).answer(sessionId, token, answer, requesterOf(request, { idempotencyKey }));
    if (format === "form") {
      return seeOther(result.mode === "homework" ? homeworkFeedbackPath(sessionId, data.questionId) : playPath(sessionId));
    }
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  },
  { formErrorBack: ({ sessionId }) => playPath(sessionId) },
);
