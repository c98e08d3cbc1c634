// What every query checker returns: positions are relative to the query text (1-based).
export type QueryProblem = { line: number; column: number; message: string };

export type QueryChecker = (text: string) => QueryProblem[];

/** 1-based line and column of a character offset. */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  return { line, column: offset - lineStart + 1 };
}
