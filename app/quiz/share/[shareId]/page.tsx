import type { Metadata } from "next";
import { cache } from "react";
import { CorrectionNotice } from "@/components/quiz/correction-notice";
import { BeatMyScore } from "@/components/share/beat-my-score";
import { ResultMarks } from "@/components/share/result-marks";
import { TOPIC_LABELS } from "@/lib/content";
import { orNotFound } from "@/lib/http/or-not-found";
import { shareService } from "@/lib/share";
import { resultImage } from "@/lib/share/images";
import { shareMetadata } from "@/lib/share/metadata";
import { sharePath } from "@/lib/share/paths";
import { resultCard, resultHeadline } from "@/lib/share/result-card";
import { QUIZ_NAME } from "@/lib/share/share-line";
import { storeMetadata, storePage } from "@/components/site/store-outage";

// Metadata and page read the same result once per request.
const load = cache(async (shareId: string) => orNotFound((await shareService()).getSharedResult(shareId)));

export const generateMetadata = storeMetadata(async ({ params }: PageProps<"/quiz/share/[shareId]">): Promise<Metadata> => {
  const { shareId } = await params;
  const card = resultCard(await load(shareId));
  return {
    ...shareMetadata({
      title: resultHeadline(card),
      description: `${card.standing}. Can you beat it? Play the same questions.`,
      path: sharePath(shareId),
      image: resultImage(shareId, card),
    }),
    // Personal and short-lived: previews yes, search results no.
    robots: { index: false },
  };
});

/** A shared result, spoiler-free: score, standing and marks, and a way to play the same questions. */
async function Page({ params }: PageProps<"/quiz/share/[shareId]">) {
  const { shareId } = await params;
  const result = await load(shareId);
  const card = resultCard(result);
  return (
    <>
      <h1>{result.nickname ? `${result.nickname}’s result` : "A result to beat"}</h1>
      <p className="score">
        {result.score}/{result.total}
      </p>
      <p className="lede">{card.standing}.</p>
      <p className="meta">
        {QUIZ_NAME}
        {result.topic ? ` · ${TOPIC_LABELS[result.topic]}` : ""} · {result.total} questions
      </p>
      <ResultMarks marks={result.marks} />
      {result.corrected.map(({ index, note }) => (
        <CorrectionNotice key={index} note={note} subject={`Question ${index + 1}`} after="after this quiz was played" />
      ))}
      {result.withdrawn.map((index) => (
        <p key={index} className="correction-notice">
          Question {index + 1} was withdrawn from the quiz after this quiz was played.
        </p>
      ))}

      <section aria-labelledby="challenge-heading">
        <h2 id="challenge-heading">Can you do better?</h2>
        <p>
          Play the same {result.total} questions. After each answer you see whether you were right and why; at the end,
          both results side by side, question by question.
        </p>
        <BeatMyScore shareId={shareId} length={result.requested} />
      </section>
      <p>
        <a href="/quiz">Or start a quiz of your own</a>
      </p>
    </>
  );
}

export default storePage(Page);
