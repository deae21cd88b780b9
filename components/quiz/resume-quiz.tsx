import { playPath } from "@/lib/quiz/paths";
import type { ResumePoint } from "@/lib/quiz/views";

/** The quiz this browser started and has not finished, with where it stands. */
export function ResumeQuiz({ resume }: { resume: ResumePoint }) {
  return (
    <section className="callout resume-quiz" aria-labelledby="resume-heading">
      <h2 id="resume-heading">Your quiz in progress</h2>
      <p>
        <a className="button" href={playPath(resume.attemptId)}>
          Resume: Question {resume.question} of {resume.total}
        </a>
      </p>
    </section>
  );
}
