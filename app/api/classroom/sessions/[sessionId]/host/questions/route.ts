import { seeOther } from "@/lib/http/form-response";
import { route } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-request";
import { classroomService } from "@/lib/classroom";
import { readHostCookie } from "@/lib/classroom/cookies";
import { requestCookies } from "@/lib/http/cookies";
import { questionsPath } from "@/lib/classroom/paths";
import { questionEditSchema } from "@/lib/classroom/requests";

/** A teacher's change to the session's questions (move, swap, remove, add), before the class sees them. Host cookie only. */
export const POST = route<{ sessionId: string }>(
  async (request, { sessionId }) => {
    const { data, format } = await parseBody(request, questionEditSchema);
    const choices = await (await classroomService()).editQuestions(sessionId, readHostCookie(requestCookies(request), sessionId), data);
    if (format === "form") return seeOther(questionsPath(sessionId, { topic: data.topic, difficulty: data.difficulty }));
    return Response.json(choices, { headers: { "Cache-Control": "no-store" } });
  },
  {
    formErrorBack: ({ sessionId }, form) => questionsPath(sessionId, { topic: form.get("topic") ?? undefined, difficulty: form.get("difficulty") ?? undefined }),
  },
);
