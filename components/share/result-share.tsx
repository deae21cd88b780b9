import { QUIZ_NAME, shareLine } from "@/lib/share/share-line";
import { ShareSection } from "./share-section";
import styles from "./share.module.css";

/**
 * "Share your result" on the player's own results page. It shares the
 * public result page (score and marks, never answers), not this page,
 * whose address is the key to the player's answers.
 */
export function ResultShare({
  url,
  score,
  total,
  marks,
}: {
  /** Absolute URL of the public result page. */
  url: string;
  score: number;
  total: number;
  marks: boolean[];
}) {
  const line = shareLine({ score, total, marks });
  return (
    <ShareSection
      id="share-heading"
      heading="Share your result"
      url={url}
      title={`${score}/${total} on the ${QUIZ_NAME}`}
      text={line}
      copyText={`${line}\n${url}`}
      copyLabel="Copy result and link"
    >
      <p>
        Your link shows your score and which questions you got right, never the answers. Friends who open it can play the
        same questions to beat you, then see both results side by side.
      </p>
      <p className={styles.line} aria-hidden="true">
        {line}
        {"\n"}
        {url}
      </p>
      <p className="visually-hidden">
        The message reads: {score} out of {total}, one mark per question, then the link {url}
      </p>
    </ShareSection>
  );
}
