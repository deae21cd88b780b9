import { seeOther } from "@/lib/http/form-response";
import { route } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-request";
import { answerSchema } from "@/lib/questions/requests";
import { clientOf } from "@/lib/http/requester";
import { classroomService } from "@/lib/classroom";
import { readPlayerCookie } from "@/lib/classroom/cookies";
import { requestCookies } from "@/lib/http/cookies";
import { homeworkFeedbackPath, playPath } from "@/lib/classroom/paths";

/**
 * A student's answer, counted once. Live: the refreshed view ("answer
 * received"). Homework: feedback and the next step, as the quiz does. A
 * plain form goes back to the play page (homework: showing the feedback).
 * Rate limited per player and per client. A repeat is already safe without
 * an idempotency key: the same answer again is a replay, another a 409.
 */
export const POST = route<{ sessionId: string }>(
  async (request, { sessionId }) => {
    const { data, format } = await parseBody(request, answerSchema);
    const token = readPlayerCookie(requestCookies(request), sessionId);
    const result = await (await classroomService()).answer(sessionId, token, data, clientOf(request.headers));
    if (format === "form") {
      return seeOther(result.mode === "homework" ? homeworkFeedbackPath(sessionId, data.questionId) : playPath(sessionId));
    }
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  },
  { formErrorBack: ({ sessionId }) => playPath(sessionId) },
);
