import { seeOther } from "@/lib/http/form-response";
import { route } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-request";
import { answerSchema } from "@/lib/questions/requests";
import { quizService } from "@/lib/quiz";
import { practicePath } from "@/lib/quiz/paths";
import type { NextStep } from "@/lib/questions/schemas";

/** Check a practice answer to a missed question: nothing is stored and the score never changes. */
export const POST = route<{ attemptId: string }>(
  async (request, { attemptId }) => {
    const { data, format } = await parseBody(request, answerSchema);
    const feedback = await (await quizService()).checkPractice(attemptId, data);
    const after = `${practicePath(attemptId)}?after=${encodeURIComponent(data.questionId)}`;
    if (format === "form") {
      const query = new URLSearchParams({ checked: data.questionId });
      for (const token of [data.answer].flat()) query.append("answer", token);
      return seeOther(`${practicePath(attemptId)}?${query}`);
    }
    const next: NextStep = { href: after, label: "Next", sameRoute: false };
    return Response.json({ feedback, next });
  },
  { formErrorBack: ({ attemptId }) => practicePath(attemptId) },
);
