import { HOST_LISTS } from "@/lib/classroom/settings";
import type { Dashboard } from "@/lib/classroom/views";
import { formatScore } from "@/lib/classroom/format";
import { describeAccommodations } from "@/lib/classroom/accommodations";
import { AccommodationForm } from "./accommodation-form";
import { HostActionForm } from "./host-action-form";
import { TeamBadge } from "./team-badge";
import styles from "./dashboard.module.css";

const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)}%`);

/** Each question: how the class did, its most-chosen wrong answer, and how everyone who played the quiz did. */
export function QuestionTable({ dashboard }: { dashboard: Dashboard }) {
  return (
    <div className={styles.scroll} role="region" aria-labelledby="questions-caption" tabIndex={0}>
      <table className={styles.table}>
        <caption id="questions-caption">Questions: the class against everyone who has played</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Question and answer</th>
            <th scope="col">Class correct</th>
            <th scope="col">Most-chosen wrong answer</th>
            <th scope="col">Everyone correct</th>
          </tr>
        </thead>
        <tbody>
          {dashboard.questions.map((question) => (
            <tr key={question.id}>
              <td>{question.index + 1}</td>
              <th scope="row" style={{ fontWeight: 400 }}>
                {question.label}
                <br />
                <strong className={styles.right}>✓ {question.correctAnswer}</strong>
              </th>
              <td>
                {percent(question.class.share)} <span className="meta">of {question.class.answered}</span>
              </td>
              <td>{question.mostChosenWrong ? `${question.mostChosenWrong.label} (${question.mostChosenWrong.count})` : "–"}</td>
              <td>
                {percent(question.everyone.share)} <span className="meta">of {question.everyone.answered.toLocaleString("en-GB")}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Links to the pages before and after this one, and which students this page shows. */
function StudentPages({ page, pages, first, shown, total }: { page: number; pages: number; first: number; shown: number; total: number }) {
  const per = HOST_LISTS.studentsPerPage;
  return (
    <nav aria-label="Pages of students" className={styles.pages}>
      <p>
        Students {(first + 1).toLocaleString("en-GB")}–{(first + shown).toLocaleString("en-GB")} of {total.toLocaleString("en-GB")}, by rank
      </p>
      {page > 1 && (
        <a className="button button--secondary" href={`?page=${page - 1}#students`} rel="prev">
          Previous {per}
        </a>
      )}
      {page < pages && (
        <a className="button button--secondary" href={`?page=${page + 1}#students`} rel="next">
          Next {Math.min(per, total - first - shown)}
        </a>
      )}
    </nav>
  );
}

/**
 * Each student: rank, score and every answer, with a button to remove them;
 * 100 to a page, so an assembly's dashboard loads like a class's.
 */
export function StudentTable({ dashboard, canRemove }: { dashboard: Dashboard; canRemove: boolean }) {
  const { total, first } = dashboard.studentList;
  if (total === 0) return <p className="meta">No one has joined yet.</p>;
  const pages = Math.ceil(total / HOST_LISTS.studentsPerPage);
  const page = Math.floor(first / HOST_LISTS.studentsPerPage) + 1;
  const students = dashboard.students;
  const nav = pages > 1 && <StudentPages page={page} pages={pages} first={first} shown={students.length} total={total} />;
  return (
    <>
      {nav}
      <div className={styles.scroll} role="region" aria-labelledby="students-caption" tabIndex={0}>
        <table className={styles.table}>
          <caption id="students-caption">Students and their answers (✓ right, ✗ wrong)</caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Nickname</th>
              <th scope="col">Score</th>
              <th scope="col">Accommodations</th>
              {dashboard.questions.map((question) => (
                <th key={question.id} scope="col">
                  Q{question.index + 1}
                </th>
              ))}
              {canRemove && <th scope="col">Remove</th>}
            </tr>
          </thead>
          <tbody>
            {students.map((student) => (
              <tr key={student.id} className={student.removed ? styles.removed : undefined}>
                <td>{student.rank ?? "–"}</td>
                <th scope="row">
                  {student.nickname}
                  {student.removed && " (removed)"}
                  {student.team && (
                    <>
                      {" "}
                      <TeamBadge team={student.team} />
                    </>
                  )}
                </th>
                <td>{formatScore(student.score, dashboard.settings.scoring)}</td>
                <td>
                  {canRemove && !student.removed ? (
                    <AccommodationForm sessionId={dashboard.sessionId} playerId={student.id} nickname={student.nickname} given={student.accommodations} />
                  ) : (
                    describeAccommodations(student.accommodations) || "–"
                  )}
                </td>
                {dashboard.questions.map((question) => {
                  const answer = student.answers[question.index];
                  return (
                    <td key={question.id} className={`${styles.answer} ${answer ? (answer.correct ? styles.right : styles.wrong) : ""}`}>
                      {answer ? `${answer.correct ? "✓" : "✗"} ${answer.display}` : "–"}
                    </td>
                  );
                })}
                {canRemove && (
                  <td>
                    {!student.removed && (
                      <HostActionForm
                        sessionId={dashboard.sessionId}
                        action="remove"
                        version={dashboard.version}
                        playerId={student.id}
                        from="dashboard"
                        className="button button--secondary"
                        confirm={`Remove ${student.nickname} from this session? They will not be able to rejoin.`}
                      >
                        Remove <span className="visually-hidden">{student.nickname}</span>
                      </HostActionForm>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
