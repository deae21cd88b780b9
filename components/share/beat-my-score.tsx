import styles from "./share.module.css";
import { api } from "@/lib/quiz/paths";

/**
 * "Beat my score": a plain form post that starts a challenge attempt and
 * lands on its first question; no JavaScript needed. The share id is all it
 * sends: the server looks up the challenger's questions.
 */
export function BeatMyScore({ shareId, length }: { shareId: string; length: number }) {
  return (
    <form method="post" action={api.attempts} className={styles.form}>
      <input type="hidden" name="challenge" value={shareId} />
      {/* The schema asks every quiz for a length; a challenge takes the challenger's. */}
      <input type="hidden" name="length" value={length} />
      <button type="submit" className="button">
        Beat my score
      </button>
    </form>
  );
}
