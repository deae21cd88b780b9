import type { Metadata } from "next";
import { LeaderboardTable } from "@/components/quiz/leaderboard-table";
import { NicknameForm } from "@/components/quiz/nickname-form";
import { ReviewList } from "@/components/quiz/review-list";
import { ChallengeComparison } from "@/components/share/challenge-comparison";
import { ResultShare } from "@/components/share/result-share";
import { orNotFound } from "@/lib/http/or-not-found";
import { friendlyName } from "@/lib/nickname";
import { parseNotice, QUIZ_NOTICES } from "@/lib/quiz/notices";
import { standingSentence } from "@/lib/quiz/percentile";
import { quizService } from "@/lib/quiz";
import { api, playPath, practicePath } from "@/lib/quiz/paths";
import { absoluteUrl } from "@/lib/site";
import { sharePath } from "@/lib/share/paths";
import { storePage } from "@/components/site/store-outage";

export const metadata: Metadata = { title: "Your result", robots: { index: false } };

async function Page({ params, searchParams }: PageProps<"/quiz/results/[attemptId]">) {
  const { attemptId } = await params;
  // A stale tab's answer brought the player here (see the play page).
  const notice = parseNotice((await searchParams).notice);
  // Not finished yet: back to the question the player is on.
  const results = await orNotFound((await quizService()).getResults(attemptId), { not_finished: playPath(attemptId) });
  const board = await (await quizService()).getLeaderboard("day", 10, { viewerAttemptId: attemptId });
  // Practice has only questions still in the bank.
  const missed = results.review.filter((item) => item.status === "current" && !item.feedback.correct).length;
  const shareUrl = absoluteUrl(sharePath(results.shareId));

  return (
    <>
      {notice && (
        <p role="status" className="callout notice">
          {QUIZ_NOTICES[notice]}
        </p>
      )}
      <h1>Your result</h1>
      <p className="score">
        {results.score}/{results.total}
      </p>
      <p className="lede">{standingSentence(results.percentile, results.total)}</p>
      <p style={{ display: "flex", flexWrap: "wrap", gap: "0.75rem" }}>
        {missed > 0 && (
          <a className="button" href={practicePath(attemptId)}>
            Try the {missed === 1 ? "one" : missed} you missed
          </a>
        )}
        <a className={missed > 0 ? "button button--secondary" : "button"} href="/quiz">
          Play again
        </a>
      </p>

      {results.challenge && <ChallengeComparison comparison={results.challenge} />}
      <ResultShare
        url={shareUrl}
        score={results.score}
        total={results.total}
        marks={results.marks}
      />

      <section aria-labelledby="leaderboard">
        <h2 id="leaderboard">Today’s leaderboard</h2>
        {results.nickname ? (
          <p>
            {results.offBoard ? (
              <>
                Your result is saved as <strong>{results.nickname}</strong>. {results.offBoard}
              </>
            ) : (
              <>
                You are on the leaderboard as <strong>{results.nickname}</strong>.
              </>
            )}
          </p>
        ) : (
          <NicknameForm action={api.nickname(attemptId)} suggestion={friendlyName()} />
        )}
        <LeaderboardTable entries={board} caption="Today’s top scores" />
        <p>
          <a href="/quiz/leaderboard">All leaderboards</a>
        </p>
      </section>

      <section aria-labelledby="review-heading">
        <h2 id="review-heading">Review your answers</h2>
        <ReviewList items={results.review} />
      </section>
    </>
  );
}

export default storePage(Page);
