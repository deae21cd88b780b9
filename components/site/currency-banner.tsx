import { getCurrency } from "@/lib/content";
import { formatDate } from "@/lib/site";
import styles from "./currency-banner.module.css";

/**
 * Says what date the site is current to once its newest sourced fact is
 * more than 90 days old (lib/content/currency.ts); otherwise renders nothing.
 * "Today" is when the page is rendered: each request for the quiz's start
 * page, the build for the prerendered timeline and explainers. Those cannot
 * regenerate on a timer (`revalidate`): a regenerated page's inline scripts
 * would no longer match the Content-Security-Policy hashes taken at build
 * (README, "Headers"), so a deploy redraws them.
 */
export function CurrencyBanner() {
  const { stale, currentTo } = getCurrency(new Date());
  if (!stale) return null;
  return (
    <p className={styles.banner} role="note">
      <strong>Not updated recently.</strong> This site is current to{" "}
      <time dateTime={currentTo}>{formatDate(currentTo)}</time>, the date of the newest event we could source. Later
      events are not covered.
    </p>
  );
}
