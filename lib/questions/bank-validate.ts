import { IssueList, formatPath } from "@/lib/content/errors";
import type { Topic } from "@/lib/content/schemas";
import type { ContentLookups } from "./feedback";
import { QuestionFile, type Question } from "./schemas";

/**
 * Validation of the question bank, separated from file reading so tests can
 * feed it broken files. Every problem is reported at once, naming the file
 * and the field path, e.g.
 * `content/quiz/meetings.json: [3].learnMore.anchor: question "hanoi-walkout": no heading "hanoi" in explainer "the-three-meetings"`.
 */

export interface BankFile {
  /** Display name, e.g. "content/quiz/meetings.json". */
  file: string;
  /** Parsed JSON. */
  data: unknown;
}

export interface BankReferences {
  hasSource(id: string): boolean;
  /** Heading ids of an explainer, or undefined when there is no such explainer. */
  explainerHeadings(slug: string): ReadonlySet<string> | undefined;
}

export interface QuestionBank {
  readonly questions: readonly Question[];
  get(id: string): Question | undefined;
  /** All questions, or those tagged with the topic; bank order. */
  list(topic?: Topic): Question[];
  readonly lookups: ContentLookups;
}

export function createBank(questions: readonly Question[], lookups: ContentLookups): QuestionBank {
  const byId = new Map(questions.map((question) => [question.id, question]));
  return {
    questions,
    get: (id) => byId.get(id),
    list: (topic) => (topic === undefined ? [...questions] : questions.filter((q) => q.topics.includes(topic))),
    lookups,
  };
}

/** Validates every file and cross-reference; throws a ContentError listing all problems. */
export function validateBank(files: readonly BankFile[], refs: BankReferences): Question[] {
  const issues = new IssueList();
  const questions: Question[] = [];
  const firstSeen = new Map<string, string>();

  for (const { file, data } of files) {
    const parsed = QuestionFile.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const index = issue.path[0];
        const id = typeof index === "number" ? questionIdAt(data, index) : undefined;
        issues.add(file, issue.path, id ? `question "${id}": ${issue.message}` : issue.message);
      }
      continue;
    }
    parsed.data.forEach((question, index) => {
      const at = (...rest: PropertyKey[]) => formatPath([index, ...rest]);
      const say = (message: string) => `question "${question.id}": ${message}`;

      const earlier = firstSeen.get(question.id);
      if (earlier !== undefined) issues.add(file, at("id"), say(`id already used in ${earlier}`));
      else firstSeen.set(question.id, file);

      question.sources.forEach((source, i) => {
        if (!refs.hasSource(source)) issues.add(file, at("sources", i), say(`unknown source "${source}" (not in content/sources.json)`));
      });

      const { slug, anchor } = question.learnMore;
      const headings = refs.explainerHeadings(slug);
      if (headings === undefined) issues.add(file, at("learnMore", "slug"), say(`no explainer "${slug}"`));
      else if (!headings.has(anchor)) issues.add(file, at("learnMore", "anchor"), say(`no heading "${anchor}" in explainer "${slug}"`));

      questions.push(question);
    });
  }
  issues.throwIfAny();
  return questions;
}

function questionIdAt(data: unknown, index: number): string | undefined {
  if (!Array.isArray(data)) return undefined;
  const item: unknown = data[index];
  if (typeof item !== "object" || item === null || !("id" in item)) return undefined;
  return typeof item.id === "string" ? item.id : undefined;
}
