// Reads Sigma YAML defensively: a size limit, a bracket-depth pre-scan (so a deeply nested flow
// collection cannot exhaust the stack while parsing), yaml's alias limit (billion-laughs bombs)
// and a depth limit on the parsed tree. Keeps each document's nodes so every later message can
// point at a line and column.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
} from "yaml";
import type { Diagnostic } from "@/lib/sigma/engine/model";

export const MAX_RULE_BYTES = 256 * 1024;
export const MAX_DEPTH = 32;
export const MAX_ALIASES = 50;

export type SourceDoc = { doc: Document.Parsed; value: unknown; index: number };

export class Locator {
  constructor(readonly counter: LineCounter) {}
  at(offset: number) {
    const { line, col } = this.counter.linePos(offset);
    return { line, column: col };
  }
  /** The node (or, with `key`, the key node) at a path of map keys and list indexes. */
  node(doc: Document.Parsed, path: Array<string | number>, key = false): Node | null {
    let current: unknown = doc.contents;
    let keyNode: unknown = null;
    for (const segment of path) {
      if (isMap(current)) {
        const pair = current.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
        );
        if (!pair) return (keyNode as Node) ?? null;
        keyNode = pair.key;
        current = pair.value;
      } else if (isSeq(current) && typeof segment === "number") {
        current = current.items[segment];
        keyNode = current;
      } else return null;
    }
    return ((key ? keyNode : current) ?? keyNode ?? null) as Node | null;
  }
  locate(doc: Document.Parsed, path: Array<string | number>, key = false) {
    for (let p = path.length; p >= 0; p--) {
      const node = this.node(doc, path.slice(0, p), key && p === path.length);
      if (node?.range) return this.at(node.range[0]);
    }
    return { line: 1, column: 1 };
  }
}

function bracketDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === "\\" && quote === '"') i++;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "#") while (i < text.length && text[i] !== "\n") i++;
    else if (ch === "[" || ch === "{") {
      if (++depth > MAX_DEPTH) return { depth, offset: i };
    } else if (ch === "]" || ch === "}") depth = Math.max(0, depth - 1);
    else if (ch === "\n") quote = null;
  }
  return { depth, offset: -1 };
}

function treeDepth(node: unknown, depth: number): number | null {
  if (depth > MAX_DEPTH) return (node as Node)?.range?.[0] ?? 0;
  const children = isMap(node) ? node.items.map((p) => p.value) : isSeq(node) ? node.items : [];
  for (const child of children) {
    const found = treeDepth(child, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

const fail = (message: string, hint: string, line = 1, column = 1): Diagnostic => ({
  severity: "error",
  message,
  hint,
  line,
  column,
  path: "(file)",
});

export function readSource(text: string): { docs: SourceDoc[]; locator: Locator; diagnostics: Diagnostic[] } {
  const counter = new LineCounter();
  const locator = new Locator(counter);
  const size = Buffer.byteLength(text, "utf8");
  if (size > MAX_RULE_BYTES)
    return {
      docs: [],
      locator,
      diagnostics: [
        fail(
          `the rule is ${Math.ceil(size / 1024)} KB, over the ${MAX_RULE_BYTES / 1024} KB limit`,
          "Split it into smaller rules.",
        ),
      ],
    };
  const brackets = bracketDepth(text);
  if (brackets.offset >= 0) {
    const lines = text.slice(0, brackets.offset).split("\n");
    return {
      docs: [],
      locator,
      diagnostics: [
        fail(
          `collections are nested more than ${MAX_DEPTH} levels deep`,
          "Sigma rules need only a few levels; flatten the structure.",
          lines.length,
          lines.at(-1)!.length + 1,
        ),
      ],
    };
  }
  const parsed = parseAllDocuments(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  const list = Array.isArray(parsed) ? parsed : [];
  const diagnostics: Diagnostic[] = [];
  const docs: SourceDoc[] = [];
  list.forEach((doc, index) => {
    const errors = doc.errors;
    for (const e of errors) {
      const pos = e.linePos?.[0];
      diagnostics.push(
        fail(
          `YAML: ${e.message.split("\n")[0]}`,
          "Fix the YAML syntax at this position.",
          pos?.line,
          pos?.col,
        ),
      );
    }
    if (errors.length) return;
    const deep = treeDepth(doc.contents, 0);
    if (deep !== null) {
      const at = locator.at(deep);
      diagnostics.push(
        fail(
          `the rule is nested more than ${MAX_DEPTH} levels deep`,
          "Sigma rules need only a few levels; flatten the structure.",
          at.line,
          at.column,
        ),
      );
      return;
    }
    let aliasCount = 0;
    const countAliases = (n: unknown): void => {
      if (isAlias(n)) aliasCount++;
      if (isMap(n)) n.items.forEach((p) => (countAliases(p.key), countAliases(p.value)));
      if (isSeq(n)) n.items.forEach(countAliases);
    };
    countAliases(doc.contents);
    try {
      const value = doc.toJS({ maxAliasCount: MAX_ALIASES });
      docs.push({ doc, value, index });
    } catch (error) {
      diagnostics.push(
        fail(
          `YAML aliases expand too far (${aliasCount} aliases; ${(error as Error).message})`,
          "Write the values out instead of using anchors and aliases.",
        ),
      );
    }
  });
  if (list.length === 0 && diagnostics.length === 0)
    diagnostics.push(fail("the file holds no YAML document", "Paste a Sigma rule."));
  return { docs, locator, diagnostics };
}
