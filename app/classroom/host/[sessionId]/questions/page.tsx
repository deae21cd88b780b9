import type { Metadata } from "next";
import { ChosenQuestions } from "@/components/classroom/chosen-questions";
import { loadForHost, NotHostNotice } from "@/components/classroom/host-gate";
import { BankFilter } from "@/components/classroom/bank-filter";
import { QuestionEditForm } from "@/components/classroom/question-edit-form";
import styles from "@/components/classroom/questions.module.css";
import { storePage } from "@/components/site/store-outage";
import { TOPIC_LABELS } from "@/lib/content";
import { dashboardPath, hostPath, previewPath, questionsPath } from "@/lib/classroom/paths";
import { questionFilterSchema } from "@/lib/classroom/requests";
import { readRefusal } from "@/lib/forms/refusal";
import { QUESTION_KIND_LABELS } from "@/lib/questions/kinds";
import { absoluteUrl } from "@/lib/site";

export const metadata: Metadata = { title: "The session’s questions", robots: { index: false } };

/** Only a query's single values: a repeated parameter is nobody's filter. */
const singleValues = (query: Record<string, string | string[] | undefined>) =>
  new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === "string"));

/**
 * The teacher's questions, before the class sees them: each with its answer
 * and sources, to move, swap or remove, and the bank to add from. Every
 * button is a plain form post; a read-only preview link for a colleague.
 */
async function Page({ params, searchParams }: PageProps<"/classroom/host/[sessionId]/questions">) {
  const { sessionId } = await params;
  const query = singleValues(await searchParams);
  const filter = questionFilterSchema.safeParse(Object.fromEntries(query)).data ?? {};
  const choices = await loadForHost(sessionId, (classroom, credential) => classroom.getQuestionChoices(sessionId, credential, filter));
  if (!choices) return <NotHostNotice />;
  const refusal = readRefusal(query);
  const editable = choices.locked === null;
  const count = choices.questions.length;
  const form = { sessionId, version: choices.version, filter };
  const previewLink = absoluteUrl(previewPath(sessionId, choices.previewKey));

  return (
    <>
      <h1>The session’s questions</h1>
      <p className="lede">
        {count} {count === 1 ? "question" : "questions"}, in the order the class will get them, each with its answer. Students see
        a question only when it is asked.
      </p>
      <p>
        <a href={dashboardPath(sessionId)}>Dashboard</a> · <a href={hostPath(sessionId)}>Projector view</a>
      </p>
      {refusal && (
        <p role="alert" className="form-error">
          {refusal.message}
        </p>
      )}
      {choices.locked && <p role="status">{choices.locked}</p>}

      <label htmlFor="preview-link" style={{ fontWeight: 700, display: "block" }}>
        Preview link: the questions, read-only, to send to a colleague (it cannot run the session)
      </label>
      <input id="preview-link" className={styles.link} type="text" readOnly value={previewLink} />

      <ChosenQuestions
        questions={choices.questions}
        tools={
          editable
            ? (question) => {
                const place = `question ${question.index + 1}`;
                return (
                  <>
                    {question.index > 0 && (
                      <QuestionEditForm {...form} edit="up" target={question.index}>
                        Move up<span className="visually-hidden"> {place}</span>
                      </QuestionEditForm>
                    )}
                    {question.index < count - 1 && (
                      <QuestionEditForm {...form} edit="down" target={question.index}>
                        Move down<span className="visually-hidden"> {place}</span>
                      </QuestionEditForm>
                    )}
                    <QuestionEditForm {...form} edit="swap" target={question.index}>
                      Swap for another<span className="visually-hidden"> ({place})</span>
                    </QuestionEditForm>
                    {count > choices.limits.min && (
                      <QuestionEditForm {...form} edit="remove" target={question.index}>
                        Remove<span className="visually-hidden"> {place}</span>
                      </QuestionEditForm>
                    )}
                  </>
                );
              }
            : undefined
        }
      />

      {editable && (
        <section aria-labelledby="bank-heading">
          <h2 id="bank-heading">Add questions from the bank</h2>
          <BankFilter action={questionsPath(sessionId)} filter={filter} />
          {count >= choices.limits.max ? (
            <p>This session has {choices.limits.max} questions, the most it can have. Remove one to add another.</p>
          ) : choices.candidates.length === 0 ? (
            <p>Every question that fits is already in the session.</p>
          ) : (
            <ul className={styles.candidates} aria-label="Questions you can add">
              {choices.candidates.map((candidate) => (
                <li key={candidate.id} data-question-id={candidate.id}>
                  {candidate.prompt}
                  <span className="meta">
                    {" "}
                    ({QUESTION_KIND_LABELS[candidate.kind]} · {candidate.difficulty} · {candidate.topics.map((topic) => TOPIC_LABELS[topic]).join(", ")})
                  </span>
                  <QuestionEditForm {...form} edit="add" target={candidate.id}>
                    Add<span className="visually-hidden">: {candidate.prompt}</span>
                  </QuestionEditForm>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

export default storePage(Page);
