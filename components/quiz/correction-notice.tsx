import { UPDATE_TYPE_VERBS } from "@/lib/content/constants";
import type { CorrectionNote } from "@/lib/questions/schemas";

/**
 * "This question was corrected on 5 December 2026": in the feedback, and on
 * results that answered an earlier version (`after` then says so). No hooks:
 * the answer form renders it too.
 */
export function CorrectionNotice({
  note,
  subject = "This question",
  after,
}: {
  note: CorrectionNote;
  /** "Question 3" where several are listed together. */
  subject?: string;
  after?: string;
}) {
  return (
    <p className="correction-notice">
      {subject} was {UPDATE_TYPE_VERBS[note.type]} on <time dateTime={note.date}>{note.dateText}</time>
      {after ? ` ${after}` : ""}. <a href={note.href}>What changed</a>
    </p>
  );
}
