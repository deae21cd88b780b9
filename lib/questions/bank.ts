import "server-only";
import fs from "node:fs";
import path from "node:path";
import { getExplainer, getSource, getUpdates, getUpdatesAbout } from "@/lib/content";
import { ContentError } from "@/lib/content/errors";
import type { Topic } from "@/lib/content/schemas";
import { checkQuestionUpdates } from "@/lib/content/updates";
import { formatDate } from "@/lib/site";
import { createBank, validateBank, type BankFile, type QuestionBank } from "./bank-validate";
import type { ContentLookups } from "./feedback";
import { buildFeedback } from "./feedback";
import type { AnswerFeedback, Question } from "./schemas";

/**
 * The question bank: content/quiz/*.json, one file per topic, each an array
 * of questions. Server-only because it holds the answer key. Loaded and
 * validated once per process; a broken file throws a ContentError naming
 * file and field, so a bad deploy fails at the first quiz request (and in
 * the bank test) rather than scoring against a wrong key.
 */

export { toPublicQuestion } from "./public";
export type { QuestionBank } from "./bank-validate";

const QUIZ_DIR = path.join("content", "quiz");

function contentLookups(): ContentLookups {
  return {
    source(id) {
      const { publisher, title, url } = getSource(id);
      return { id, publisher, title, url };
    },
    learnMore(slug, anchor) {
      const explainer = getExplainer(slug);
      const heading = explainer?.headings.find((h) => h.id === anchor);
      const label = explainer ? (heading ? `${explainer.title}: ${heading.text}` : explainer.title) : "Read more";
      return { href: `/explainers/${slug}#${anchor}`, label };
    },
    corrections(questionId) {
      return getUpdatesAbout("question", questionId).flatMap(({ id, date, type, target }) =>
        target.kind === "question" ? [{ date, dateText: formatDate(date), type, version: target.version, href: `/updates#${id}` }] : [],
      );
    },
  };
}

function readBankFiles(dir: string): BankFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((name) => name.endsWith(".json")).sort();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContentError([{ file: QUIZ_DIR, path: "(root)", message: `cannot read the quiz folder: ${reason}` }]);
  }
  return names.map((name) => {
    const file = path.posix.join("content", "quiz", name);
    const text = fs.readFileSync(path.join(dir, name), "utf8");
    try {
      return { file, data: JSON.parse(text) as unknown };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ContentError([{ file, path: "(root)", message: `not valid JSON: ${reason}` }]);
    }
  });
}

/** Loads and validates a bank folder against the site's content (sources, explainer headings). */
export function loadBank(dir: string = path.join(process.cwd(), QUIZ_DIR)): QuestionBank {
  const questions = validateBank(readBankFiles(dir), {
    hasSource(id) {
      try {
        getSource(id);
        return true;
      } catch {
        return false;
      }
    },
    explainerHeadings(slug) {
      const explainer = getExplainer(slug);
      return explainer ? new Set(explainer.headings.map((h) => h.id)) : undefined;
    },
  });
  // The updates log is checked here rather than with the rest of content/: only the bank knows the versions.
  const logProblems = checkQuestionUpdates(getUpdates(), new Map(questions.map((q) => [q.id, q.version])));
  if (logProblems.length > 0) throw new ContentError(logProblems);
  return createBank(questions, contentLookups());
}

let cached: QuestionBank | undefined;

export function getBank(): QuestionBank {
  cached ??= loadBank();
  return cached;
}

export function getQuestion(id: string): Question | undefined {
  return getBank().get(id);
}

export function getQuestions(topic?: Topic): Question[] {
  return getBank().list(topic);
}

/** Feedback once a question is answered. Throws QuestionError("invalid_answer") for an impossible answer. */
export function feedbackFor(question: Question, answer: string | readonly string[]): AnswerFeedback {
  return buildFeedback(question, answer, getBank().lookups);
}
