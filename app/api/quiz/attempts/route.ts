import { isHttps } from "@/lib/http/cookies";
import { parseBody } from "@/lib/http/parse-request";
import { route } from "@/lib/http/handle-route";
import { clientOf } from "@/lib/http/requester";
import { seeOther } from "@/lib/http/form-response";
import { startQuizSchema } from "@/lib/quiz/requests";
import { quizService } from "@/lib/quiz";
import { rememberAttempt } from "@/lib/quiz/attempt-memory";
import { playPath } from "@/lib/quiz/paths";
import { shareService } from "@/lib/share";

/**
 * Start a quiz: 201 with the attempt for scripts, 303 to the first question
 * for a plain form. With `challenge` (from a shared result's "Beat my score"),
 * the quiz replays that result's questions. Rate limited per client. Either
 * way the browser remembers the attempt, so /quiz can offer to resume it.
 */
export const POST = route(
  async (request) => {
    const { data, format } = await parseBody(request, startQuizSchema);
    const { challenge } = data;
    const requester = clientOf(request.headers);
    const attempt =
      challenge === undefined ? await (await quizService()).startAttempt(data, requester) : await (await shareService()).startChallenge({ ...data, challenge }, requester);
    const href = playPath(attempt.attemptId);
    const response =
      format === "form" ? seeOther(href) : Response.json({ attemptId: attempt.attemptId, length: attempt.length, href }, { status: 201 });
    response.headers.append("Set-Cookie", rememberAttempt(attempt.attemptId, { secure: isHttps(request) }));
    return response;
  },
  { formErrorBack: () => "/quiz", echo: ["length", "topic"] },
);
