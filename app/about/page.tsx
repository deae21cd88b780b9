import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/site/breadcrumbs";
import { CONTENT_AS_OF, getSources, SITE_UPDATED } from "@/lib/content";
import { pageMetadata } from "@/lib/share/metadata";
import { formatDate } from "@/lib/site";

const DESCRIPTION = "How this site is written: sources, dates, translations, and what it stores about quiz players.";

export const metadata: Metadata = pageMetadata({ title: "About and method", description: DESCRIPTION, path: "/about" });

export default function Page() {
  return (
    <div className="prose">
      <Breadcrumbs trail={[{ href: "/about", label: "About" }]} />
      <h1>About and method</h1>
      <p className="lede">
        A neutral, sourced guide to the relationship between Donald Trump and Kim Jong-un, for readers, students and
        teachers.
      </p>
      <h2>Dates</h2>
      <p>
        The content covers events up to {formatDate(CONTENT_AS_OF)}, the latest date for which we found reliable,
        sourced reporting. It was last edited on {formatDate(SITE_UPDATED)}. The story moves on: later events may not be
        covered yet.
      </p>
      <h2>Sources</h2>
      <p>
        Every event, explainer claim, glossary entry and quiz answer names at least one of{" "}
        <a href="/sources">{getSources().length} published sources</a>: news agencies, newspapers, official
        statements and North Korean state media (KCNA) where its own words matter. Each one links to the original.
      </p>
      <p>
        The project started from two November 2024 articles retelling a Reuters report. They contained errors (among
        them the number of North Korean troops sent to Russia and how Kim’s letters left Mar-a-Lago), so nothing here
        relies on them; we went back to the original reporting instead.
      </p>
      <h2>Quotations and translations</h2>
      <p>
        Quotations are short, exact and attributed to the person and the date. Where remarks were separate sentences
        in a longer speech, an ellipsis (…) shows the gap. North Korean statements reach us in translation, and
        translations differ: we say whose translation we quote. Estimates, such as troop numbers, are given as ranges
        with who made them.
      </p>
      <h2>Tone</h2>
      <p>
        We describe what each side said and did, and present competing accounts side by side (for example, of why the
        Hanoi summit failed) rather than choosing one.
      </p>
      <h2>Privacy</h2>
      <p>
        No accounts, no advertising, no trackers and no third-party scripts. The quiz stores your answers under a random
        attempt number and, only if you choose to add one, a nickname for the leaderboard. Stored quiz data expires after
        30 days, with two exceptions: a nickname on the month&rsquo;s leaderboard stays until at most 32 days after that
        month ends, and anonymous totals (how many people answered each question correctly, how scores are spread) are kept
        for up to 400 days. Classroom sessions are deleted 7 days after they end, and at the latest 30 days after they were
        created. Limits against abuse count requests under a keyed hash of your network address, never the address
        itself, for at most two hours; the key is secret and changes every day, so the address cannot be worked out
        from what is stored, even by trying every possible address. So that one network cannot fill a leaderboard, each
        board counts its entries per network under a coarse 4-digit code of the address (a keyed hash too, with a key
        of the board&rsquo;s own), shared by about 65,000 addresses, for as long as the board is kept.
      </p>
    </div>
  );
}
