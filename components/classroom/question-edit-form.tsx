import type { ReactNode } from "react";
import { api } from "@/lib/classroom/paths";
import type { QuestionFilter } from "@/lib/classroom/requests";

/**
 * One change to the session's questions as a plain form post: it works the
 * same with and without JavaScript, and lands back on the questions page.
 * `target` names the question: its place, or for "add" its bank id.
 */
export function QuestionEditForm({
  sessionId,
  version,
  filter,
  edit,
  target,
  children,
}: {
  sessionId: string;
  version: number;
  filter: QuestionFilter;
  edit: "up" | "down" | "swap" | "remove" | "add";
  target: number | string;
  children: ReactNode;
}) {
  return (
    <form method="post" action={api.hostQuestions(sessionId)}>
      <input type="hidden" name="edit" value={edit} />
      <input type="hidden" name={edit === "add" ? "questionId" : "index"} value={target} />
      <input type="hidden" name="version" value={version} />
      {filter.topic && <input type="hidden" name="topic" value={filter.topic} />}
      {filter.difficulty && <input type="hidden" name="difficulty" value={filter.difficulty} />}
      {filter.kind && <input type="hidden" name="kind" value={filter.kind} />}
      <button type="submit" className="button button--secondary">
        {children}
      </button>
    </form>
  );
}
