import type { QuestionFilter } from "@/lib/classroom/requests";
import { TOPIC_LABELS } from "@/lib/content";
import { QUESTION_KIND_LABELS } from "@/lib/questions/kinds";
import styles from "./questions.module.css";

const DIFFICULTY_LABELS = { easy: "easy", medium: "medium", hard: "hard" };

function FilterSelect({ name, label, any, labels, value }: { name: string; label: string; any: string; labels: Record<string, string>; value: string | undefined }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{any}</option>
        {Object.entries(labels).map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The bank's filter on the questions page: a plain GET form, so it works without JavaScript. */
export function BankFilter({ action, filter }: { action: string; filter: QuestionFilter }) {
  return (
    <form method="get" action={action} className={styles.filter}>
      <FilterSelect name="topic" label="Topic" any="All topics" labels={TOPIC_LABELS} value={filter.topic} />
      <FilterSelect name="difficulty" label="Difficulty" any="Any" labels={DIFFICULTY_LABELS} value={filter.difficulty} />
      <FilterSelect name="kind" label="Kind" any="Any" labels={QUESTION_KIND_LABELS} value={filter.kind} />
      <button type="submit" className="button button--secondary">
        Show
      </button>
    </form>
  );
}
