/** The words of the outage page, the same in the site's layout (components/site/store-outage.tsx) and without it (./store-gate.ts). */
export const OUTAGE_COPY = {
  title: "The quiz is briefly unavailable",
  lede: "Scores, answers and classes are kept in a database we cannot reach right now. Nothing you saved is lost. Please try again in a few seconds.",
  retry: "Try again",
} as const;
