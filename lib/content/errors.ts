/**
 * Errors from the content loaders. Every problem names the file and the field
 * path (e.g. `content/timeline.json: [12].sources[0]: unknown source "foo"`),
 * so whoever edits content can fix it without reading loader code.
 */

export interface ContentIssue {
  /** Shown relative to the content root's parent, e.g. "content/timeline.json". */
  file: string;
  /** Field path such as "[12].sources[0]", "takeaways", "body" or "(root)". */
  path: string;
  message: string;
}

export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}: ${issue.path}: ${issue.message}`;
}

export class ContentError extends Error {
  readonly issues: readonly ContentIssue[];

  constructor(issues: readonly ContentIssue[]) {
    const lines = issues.map(formatIssue);
    super(lines.length === 1 ? lines[0] : `${lines.length} content problems:\n${lines.join("\n")}`);
    this.name = "ContentError";
    this.issues = issues;
  }
}

/** Turns a zod-style path into `[12].sources[0]` / `takeaways` / `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}

/** Collects issues while checking, then throws them all at once. */
export class IssueList {
  private readonly items: ContentIssue[] = [];

  add(file: string, path: string | readonly PropertyKey[], message: string): void {
    this.items.push({ file, path: typeof path === "string" ? path : formatPath(path), message });
  }

  throwIfAny(): void {
    if (this.items.length > 0) throw new ContentError(this.items);
  }
}
