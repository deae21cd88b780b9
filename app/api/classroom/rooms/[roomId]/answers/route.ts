import { seeOther } from "@/lib/http/form-response";
import { route } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-request";
import { answerSchema } from "@/lib/quiz/schemas";
import { clientSubject } from "@/lib/rate-limit";
import { rooms } from "@/lib/rooms";
import { readPlayerCookie, requestCookies } from "@/lib/rooms/cookies";
import { homeworkFeedbackPath, playPath } from "@/lib/rooms/paths";

/**
 * A student's answer, counted once. Live: the refreshed view ("answer
 * received"). Homework: feedback and the next step, as the quiz does. A
 * plain form goes back to the play page (homework: showing the feedback).
 * Rate limited per player and per client. A repeat is already safe without
 * an idempotency key: the same answer again is a replay, another a 409.
 */
export const POST = route<{ roomId: string }>(
  async (request, { roomId }) => {
    const { data, format } = await parseBody(request, answerSchema);
    const token = readPlayerCookie(requestCookies(request), roomId);
    const result = await (await rooms()).answer(roomId, token, data, clientSubject(request.headers));
    if (format === "form") {
      return seeOther(result.mode === "homework" ? homeworkFeedbackPath(roomId, data.questionId) : playPath(roomId));
    }
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  },
  { formErrorBack: ({ roomId }) => ({ href: playPath(roomId), label: "Back to the session" }) },
);
