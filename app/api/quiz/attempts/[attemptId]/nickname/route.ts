import { seeOther } from "@/lib/http/form-response";
import { route } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-request";
import { clientOf } from "@/lib/http/requester";
import { nicknameFormTextSchema } from "@/lib/nickname-schema";
import { quizService } from "@/lib/quiz";
import { resultsPath } from "@/lib/quiz/paths";

/** Put a finished result on the leaderboards under a nickname, once. Rate limited per client. */
export const POST = route<{ attemptId: string }>(
  async (request, { attemptId }) => {
    const { data, format } = await parseBody(request, nicknameFormTextSchema);
    const named = await (await quizService()).submitNickname(attemptId, data.nickname, clientOf(request.headers));
    return format === "form" ? seeOther(`${resultsPath(attemptId)}#leaderboard`) : Response.json(named);
  },
  { formErrorBack: ({ attemptId }) => resultsPath(attemptId), echo: ["nickname"] },
);
