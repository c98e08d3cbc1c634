// Content problems are collected, not thrown one at a time, so one run of
// `npm run content:check` (or `next build`) lists every broken file at once.
export type ContentIssue = {
  /** Path relative to the content directory, e.g. techniques/T1021.007/sigma.yml */
  file: string;
  /** Dotted field path inside the file, or "(file)" for whole-file problems. */
  field: string;
  reason: string;
};

export class ContentError extends Error {
  readonly issues: ContentIssue[];

  constructor(issues: ContentIssue[]) {
    super(
      `Invalid content (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
        issues.map((i) => `  ${i.file}: ${i.field}: ${i.reason}`).join("\n"),
    );
    this.name = "ContentError";
    this.issues = issues;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
    .join("");
}
