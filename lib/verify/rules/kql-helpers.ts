// Small readers over the KQL syntax tree shared by the KQL rules.
import type { KqlNode } from "@/lib/verify/kusto/tree";

/** The value of a KQL string literal: "..." and '...' with escapes, @"..." verbatim, h"..." hidden. */
export function kqlString(text: string): string | undefined {
  const m = /^([hH]?)(@?)(["'])([\s\S]*)\3$/.exec(text.trim());
  if (!m) return undefined;
  return m[2]
    ? m[4]!.replace(/""/g, '"')
    : m[4]!.replace(/\\(.)/g, (_, c: string) => ({ n: "\n", t: "\t", r: "\r" })[c] ?? c);
}

/** The column a comparison's left side names, and the case fold around it (tolower/toupper). */
export function leftColumn(node: KqlNode): { name: string; fold?: "lower" | "upper" } | undefined {
  if (node.type === "NameReference") return { name: node.text.trim() };
  if (node.type === "FunctionCallExpression") {
    const m = /^\s*(tolower|toupper)\s*\(\s*([A-Za-z_][\w.]*)\s*\)\s*$/.exec(node.text);
    if (m) return { name: m[2]!, fold: m[1] === "tolower" ? "lower" : "upper" };
  }
  return undefined;
}

export function literalStrings(node: KqlNode): Array<{ node: KqlNode; value: string }> {
  const out: Array<{ node: KqlNode; value: string }> = [];
  const visit = (n: KqlNode) => {
    if (n.type === "LiteralExpression") {
      const value = kqlString(n.text);
      if (value !== undefined) out.push({ node: n, value });
    } else if (n.type === "ExpressionList" || n.type === "SyntaxList" || n.type === "SeparatedElement")
      n.children.forEach(visit);
  };
  visit(node);
  return out;
}

/** Offset of the first non-blank character of a node (its own text, without leading trivia). */
export function startOf(node: KqlNode): number {
  return node.start + (node.text.length - node.text.trimStart().length);
}
