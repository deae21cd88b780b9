import type { ChallengeComparison as Comparison } from "@/lib/quiz/views";
import { MarkIcon } from "./mark-icon";
import styles from "./share.module.css";

function Mark({ right }: { right: boolean | null }) {
  if (right === null) return <>Not played</>;
  return (
    <span className={right ? styles.right : styles.wrong}>
      <MarkIcon right={right} size={16} color="currentColor" />
      {/* Tiles alone on screen, so three columns fit 320 px; words for screen readers. */}
      <span className="visually-hidden">{right ? "Right" : "Wrong"}</span>
    </span>
  );
}

const capitalize = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function verdict(you: number, them: number, name: string): string {
  if (you > them) return `You beat ${name}!`;
  if (you < them) return `${capitalize(name)} wins this one.`;
  return "It’s a draw.";
}

/**
 * A challenge's outcome: both scores, then both players' marks side by
 * side, question by question. Scores count the questions both played (all
 * of them, unless a question was updated between the two attempts).
 */
export function ChallengeComparison({ comparison }: { comparison: Comparison }) {
  const name = comparison.nickname ?? "your challenger";
  const you = comparison.questions.filter((row) => row.you).length;
  const them = comparison.questions.filter((row) => row.them === true).length;
  const total = comparison.questions.length;
  return (
    <section aria-labelledby="challenge-heading">
      <h2 id="challenge-heading">You vs {name}</h2>
      <p className="lede">
        You scored {you}/{total}; {name} scored {them}/{total}. {verdict(you, them, name)}
      </p>
      <table className={styles.comparison}>
        <caption>Question by question</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">You</th>
            <th scope="col">{comparison.nickname ?? "Challenger"}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.questions.map((row) => (
            <tr key={row.questionId}>
              <th scope="row">
                {row.index + 1}. {row.prompt ?? "A withdrawn question"}
              </th>
              <td className={styles.mark}>
                <Mark right={row.you} />
              </td>
              <td className={styles.mark}>
                <Mark right={row.them} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Score</th>
            <td className={styles.mark}>
              {you}/{total}
            </td>
            <td className={styles.mark}>
              {them}/{total}
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
