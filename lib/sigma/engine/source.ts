// Reads Sigma YAML defensively: a size limit, a bracket-depth pre-scan (so a deeply nested flow
// collection cannot exhaust the stack while parsing), yaml's alias limit (billion-laughs bombs)
// and a depth limit on the parsed tree. Keeps each document's nodes so every later message can
// point at a line and column. Duplicate keys are found here with a set per map: yaml's own
// uniqueKeys check compares every key with every other (seconds for a map of 10,000 keys).
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
  type Pair,
  type YAMLMap,
} from "yaml";
import { MAX_ALIASES, MAX_DEPTH, MAX_DOCUMENTS, MAX_RULE_BYTES } from "@/lib/sigma/engine/limits";
import type { Diagnostic } from "@/lib/sigma/engine/model";

export type SourceDoc = { doc: Document.Parsed; value: unknown; index: number };

export class Locator {
  /** Each map's pairs by key, built on first use: a lookup per reported path stays constant. */
  private readonly index = new WeakMap<object, Map<string, Pair>>();
  constructor(readonly counter: LineCounter) {}
  private pairOf(map: YAMLMap, key: string): Pair | undefined {
    let byKey = this.index.get(map);
    if (!byKey) {
      byKey = new Map();
      for (const p of map.items)
        if (isPair(p) && isScalar(p.key) && !byKey.has(String(p.key.value)))
          byKey.set(String(p.key.value), p);
      this.index.set(map, byKey);
    }
    return byKey.get(key);
  }
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
        const pair = this.pairOf(current, String(segment));
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

type Problem = { offset: number; message: string; hint: string };

/** The first node nested deeper than MAX_DEPTH, or the first key repeated in its map. */
function treeProblem(node: unknown, depth: number): Problem | null {
  if (depth > MAX_DEPTH)
    return {
      offset: (node as Node)?.range?.[0] ?? 0,
      message: `the rule is nested more than ${MAX_DEPTH} levels deep`,
      hint: "Sigma rules need only a few levels; flatten the structure.",
    };
  if (isMap(node)) {
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (seen.has(key))
        return {
          offset: (pair.key as Node)?.range?.[0] ?? 0,
          message: `YAML: Map keys must be unique (${JSON.stringify(String(key))} is repeated)`,
          hint: "Merge the two entries or rename one.",
        };
      seen.add(key);
    }
  }
  const children = isMap(node) ? node.items.map((p) => p.value) : isSeq(node) ? node.items : [];
  for (const child of children) {
    const found = treeProblem(child, depth + 1);
    if (found) return found;
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
  const parsed = parseAllDocuments(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: false });
  const list = Array.isArray(parsed) ? parsed : [];
  if (list.length > MAX_DOCUMENTS) {
    const at = locator.at(list[MAX_DOCUMENTS]!.range[0]);
    return {
      docs: [],
      locator,
      diagnostics: [
        fail(
          `the file holds ${list.length} YAML documents, over the ${MAX_DOCUMENTS} limit`,
          "Keep a correlation and the rules it refers to in one file, other rules in files of their own.",
          at.line,
          at.column,
        ),
      ],
    };
  }
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
    const problem = treeProblem(doc.contents, 0);
    if (problem) {
      const at = locator.at(problem.offset);
      diagnostics.push(fail(problem.message, problem.hint, at.line, at.column));
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
