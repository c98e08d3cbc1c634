// Finds `left OP "literal"` and `left IN ("a", "b")` comparisons in a token stream, with what
// wraps the left side (lower()/TO_LOWER() or nothing), so the per-language case rules only decide
// which operators are case-sensitive and how to say the fix.
import type { Token } from "@/lib/verify/syntax/lexer";
import { closing, isPunct, isWord, opening, stringValue } from "@/lib/verify/rules/tokens";

export type Comparison = {
  /** The left side's text: a field name or the call around it. */
  left: string;
  /** The case fold applied to the left side, when it is lower()/upper() (or their equivalents). */
  fold: "lower" | "upper" | undefined;
  /** Operator as written (`==`, `IN`, `LIKE`...), upper-cased for words. */
  op: string;
  literals: Array<{ token: Token; value: string }>;
  opToken: Token;
};

export type ComparisonSyntax = {
  /** Case-sensitive operators followed by one string (or, for `lists`, a bracketed list). */
  operators: string[];
  lists: string[];
  lowerFns: string[];
  upperFns: string[];
  /** Operators whose case-insensitive variant is `op~` (EQL `in~`, `like~`): skip those. */
  tildeVariants?: boolean;
};

const KEYWORDS = new Set([
  "and",
  "or",
  "not",
  "xor",
  "where",
  "eval",
  "by",
  "if",
  "case",
  "in",
  "like",
  "then",
]);

function leftSide(tokens: Token[], i: number, syntax: ComparisonSyntax) {
  let j = i - 1;
  if (isWord(tokens[j], "not")) j--;
  const t = tokens[j];
  if (!t) return undefined;
  if (t.kind === "word")
    return KEYWORDS.has(t.text.toLowerCase()) ? undefined : { text: t.text, fold: undefined };
  if (!isPunct(t, ")")) return undefined;
  const open = opening(tokens, j);
  const fn = tokens[open - 1];
  if (!fn || fn.kind !== "word") return undefined;
  const name = fn.text.toLowerCase();
  const fold = syntax.lowerFns.includes(name)
    ? "lower"
    : syntax.upperFns.includes(name)
      ? "upper"
      : undefined;
  if (!fold) return undefined;
  return {
    text: tokens
      .slice(open - 1, j + 1)
      .map((x) => x.text)
      .join(""),
    fold,
  } as const;
}

export function findComparisons(tokens: Token[], syntax: ComparisonSyntax): Comparison[] {
  const out: Comparison[] = [];
  const ops = syntax.operators.map((o) => o.toLowerCase());
  const lists = syntax.lists.map((o) => o.toLowerCase());
  tokens.forEach((t, i) => {
    const name = t.text.toLowerCase();
    const isOp = (t.kind === "punct" || t.kind === "word") && (ops.includes(name) || lists.includes(name));
    if (!isOp) return;
    let next = i + 1;
    if (syntax.tildeVariants && isPunct(tokens[next], "~")) return;
    const left = leftSide(tokens, i, syntax);
    if (!left) return;
    const literals: Comparison["literals"] = [];
    const after = tokens[next];
    if (after?.kind === "string") literals.push({ token: after, value: stringValue(after) });
    else if (isPunct(after, "(")) {
      const end = closing(tokens, next);
      for (let k = next + 1; k < end; k++) {
        const x = tokens[k]!;
        if (x.kind === "string") literals.push({ token: x, value: stringValue(x) });
      }
      next = end;
    }
    if (literals.length === 0) return;
    out.push({
      left: left.text,
      fold: left.fold,
      op: t.kind === "word" ? t.text.toUpperCase() : t.text,
      literals,
      opToken: t,
    });
  });
  return out;
}
