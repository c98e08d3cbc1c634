// The condition grammar: `not` binds tighter than `and`, which binds tighter than `or`;
// parentheses group; `1 of x*` / `all of x*` / `1 of them` / `all of them` select identifiers.
// Errors carry the offset in the condition text so the caller can locate them in the YAML.
// The text is bounded in length and the parser in depth (parentheses and `not`), so no condition
// can exhaust the stack here or in the walks of the tree that follow; chains are parsed in loops.
import { MAX_CONDITION_CHARS, MAX_CONDITION_DEPTH } from "@/lib/sigma/engine/limits";
import type { ConditionNode, StringPart } from "@/lib/sigma/engine/model";
import { WildcardPattern } from "@/lib/sigma/engine/wildcard";

export class ConditionError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly hint: string,
  ) {
    super(message);
    this.name = "ConditionError";
  }
}

type Token = { text: string; offset: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\(|\)|\|[^]*|[^\s()]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) tokens.push({ text: m[0], offset: m.index });
  return tokens;
}

export function parseCondition(text: string): ConditionNode {
  if (text.length > MAX_CONDITION_CHARS)
    throw new ConditionError(
      `the condition is ${text.length} characters, over the ${MAX_CONDITION_CHARS} limit`,
      MAX_CONDITION_CHARS,
      "Group the selections with 1 of / all of patterns instead of naming each one.",
    );
  const tokens = tokenize(text);
  let i = 0;
  let depth = 0;
  const deeper = (t: Token) => {
    if (++depth > MAX_CONDITION_DEPTH)
      throw new ConditionError(
        `the condition nests parentheses and "not" more than ${MAX_CONDITION_DEPTH} levels deep`,
        t.offset,
        "Simplify the expression; real conditions need a few levels.",
      );
  };
  const peek = () => tokens[i];
  const word = (t: Token | undefined) => t?.text.toLowerCase();
  const end = () =>
    tokens.length ? tokens[tokens.length - 1]!.offset + tokens[tokens.length - 1]!.text.length : 0;

  const primary = (): ConditionNode => {
    const t = tokens[i++];
    if (!t)
      throw new ConditionError(
        "the condition ends where an identifier was expected",
        end(),
        "Complete the expression after the last operator.",
      );
    if (t.text.startsWith("|"))
      throw new ConditionError(
        "aggregation expressions (| count() ...) are Sigma v1 syntax",
        t.offset,
        "Write a correlation rule (correlation: type: event_count) that refers to this rule instead.",
      );
    if (t.text === "(") {
      deeper(t);
      const inner = or();
      const close = tokens[i++];
      if (close?.text !== ")")
        throw new ConditionError('missing ")"', close?.offset ?? end(), 'Add the closing ")".');
      depth--;
      return inner;
    }
    if (t.text === ")")
      throw new ConditionError(
        'unexpected ")"',
        t.offset,
        "Remove it or add the matching opening parenthesis.",
      );
    const w = word(t);
    if (w === "not") {
      deeper(t);
      const arg = primary();
      depth--;
      return { type: "not", arg };
    }
    if (w === "and" || w === "or")
      throw new ConditionError(
        `"${t.text}" needs an expression before it`,
        t.offset,
        "Put a search identifier on its left.",
      );
    if ((w === "1" || w === "all" || /^\d+$/.test(t.text)) && word(peek()) === "of") {
      if (w !== "1" && w !== "all")
        throw new ConditionError(`"${t.text} of" is not Sigma`, t.offset, 'Use "1 of" or "all of".');
      i++;
      const target = tokens[i++];
      if (!target || target.text === "(" || target.text === ")")
        throw new ConditionError(
          `"${t.text} of" needs an identifier pattern or "them"`,
          target?.offset ?? end(),
          "Write e.g. 1 of selection_* or all of them.",
        );
      return { type: "of", quantifier: w === "1" ? "1" : "all", pattern: target.text };
    }
    if (w === "of")
      throw new ConditionError('"of" must follow "1" or "all"', t.offset, "Write 1 of x* or all of x*.");
    if (!/^[A-Za-z0-9_*.-]+$/.test(t.text))
      throw new ConditionError(
        `"${t.text}" is not a search identifier`,
        t.offset,
        "Identifiers use letters, digits, _ - and .",
      );
    return { type: "id", name: t.text };
  };
  const chain = (op: "and" | "or", next: () => ConditionNode) => (): ConditionNode => {
    const args = [next()];
    while (word(peek()) === op) {
      i++;
      args.push(next());
    }
    return args.length === 1 ? args[0]! : { type: op, args };
  };
  const and = chain("and", primary);
  const or = chain("or", and);
  if (tokens.length === 0)
    throw new ConditionError("the condition is empty", 0, "Write e.g. condition: selection.");
  const tree = or();
  const rest = peek();
  if (rest?.text.startsWith("|"))
    throw new ConditionError(
      "aggregation expressions (| count() ...) are Sigma v1 syntax",
      rest.offset,
      "Write a correlation rule (correlation: type: event_count) that refers to this rule instead.",
    );
  if (rest)
    throw new ConditionError(
      `unexpected "${rest.text}"`,
      rest.offset,
      'Join expressions with "and" or "or".',
    );
  return tree;
}

/** The identifiers an `of` pattern names: `them` is every identifier not starting with `_`. */
export function resolveOf(pattern: string, names: string[]): string[] {
  if (pattern === "them") return names.filter((n) => !n.startsWith("_"));
  const parts = pattern
    .split(/(\*)/)
    .filter(Boolean)
    .map((p): StringPart => (p === "*" ? { wildcard: "*" } : p));
  const glob = new WildcardPattern(parts, true);
  return names.filter((n) => glob.test(n));
}

/** Replaces `of` nodes with and/or over the named identifiers, so consumers see only ids. */
export function expandCondition(node: ConditionNode, names: string[]): ConditionNode {
  switch (node.type) {
    case "id":
      return node;
    case "not":
      return { type: "not", arg: expandCondition(node.arg, names) };
    case "and":
    case "or":
      return { type: node.type, args: node.args.map((a) => expandCondition(a, names)) };
    case "of": {
      const ids = resolveOf(node.pattern, names).map((name) => ({ type: "id", name }) as ConditionNode);
      if (ids.length === 1) return ids[0]!;
      return { type: node.quantifier === "1" ? "or" : "and", args: ids };
    }
  }
}
