import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/site/breadcrumbs";
import { LeaderboardTable } from "@/components/quiz/leaderboard-table";
import { quizService } from "@/lib/quiz";
import { pageImage } from "@/lib/share/images";
import { shareMetadata } from "@/lib/share/metadata";
import { storePage } from "@/components/site/store-outage";

export const metadata: Metadata = shareMetadata({
  title: "Leaderboard",
  description: "Today's and this month's top scores in the Trump–Kim quiz, by nickname.",
  path: "/quiz/leaderboard",
  image: pageImage("quiz"),
});

// Scores change with every finished quiz.
export const dynamic = "force-dynamic";

async function Page() {
  const [today, thisMonth] = await Promise.all([(await quizService()).getLeaderboard("day", 20), (await quizService()).getLeaderboard("month", 20)]);
  return (
    <>
      <Breadcrumbs
        trail={[
          { href: "/quiz", label: "Quiz" },
          { href: "/quiz/leaderboard", label: "Leaderboard" },
        ]}
      />
      <h1>Leaderboard</h1>
      <p className="lede">Players who chose to add a nickname after finishing. Ties go to whoever finished first.</p>
      <h2>Today (UTC)</h2>
      <LeaderboardTable entries={today} caption="Today’s top scores" />
      <h2>This month (UTC)</h2>
      <LeaderboardTable entries={thisMonth} caption="This month’s top scores" />
      <p>
        <a className="button" href="/quiz">
          Take the quiz
        </a>
      </p>
    </>
  );
}

export default storePage(Page);
