import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Breadcrumbs } from "@/components/site/breadcrumbs";
import { CurrencyBanner } from "@/components/site/currency-banner";
import { ResumeQuiz } from "@/components/quiz/resume-quiz";
import { StartQuizForm } from "@/components/quiz/start-quiz-form";
import { topicSchema } from "@/lib/content";
import { quizService } from "@/lib/quiz";
import { rememberedAttempt } from "@/lib/quiz/attempt-memory";
import { pageImage } from "@/lib/share/images";
import { shareMetadata } from "@/lib/share/metadata";
import { storePage } from "@/components/site/store-outage";

export const metadata: Metadata = shareMetadata({
  title: "Quiz",
  description: "How well do you know the Trump–Kim story? Answer 5, 10 or 20 questions and learn from every answer.",
  path: "/quiz",
  image: pageImage("quiz"),
});

async function Page({ searchParams }: PageProps<"/quiz">) {
  // A topic link from an explainer preselects it; anything else is ignored.
  const topic = topicSchema.safeParse((await searchParams).topic).data;
  const remembered = rememberedAttempt(await cookies());
  const resume = remembered === undefined ? null : await (await quizService()).getResumePoint(remembered);
  return (
    <>
      <Breadcrumbs trail={[{ href: "/quiz", label: "Quiz" }]} />
      <CurrencyBanner />
      <h1>Quiz: Trump and Kim</h1>
      <p className="lede">
        One question at a time. After each answer you see whether you were right, why, and the source, with a link to
        the explainer that covers it. At the end, see how you compare with everyone who has played.
      </p>
      {resume && <ResumeQuiz resume={resume} />}
      {resume && <h2>Or start a new quiz</h2>}
      <StartQuizForm topic={topic} />
      <p className="meta" style={{ marginTop: "1.5rem" }}>
        No account needed. Your answers are kept for 30 days under a random number, and a nickname only if you choose to
        add one. <a href="/quiz/leaderboard">See the leaderboard</a>.
      </p>
      <p className="meta">
        <a href="/classroom">Running this with a class?</a> Put a join code on the projector and play it live.
      </p>
    </>
  );
}

export default storePage(Page);
