// The language service's syntax tree as plain objects, with each node's result columns where the
// analyzer knows them, so KQL rules read real operators, operands and output schemas instead of
// scanning text. Positions are offsets into the analysed text.
import { kusto, type KustoGlobals } from "@/lib/verify/kusto/bridge";
import { prepare } from "@/lib/verify/kusto/check-kql";

export type KqlNode = {
  /** Syntax class without namespace: BinaryExpression, InExpression, JoinOperator, ... */
  type: string;
  start: number;
  end: number;
  text: string;
  children: KqlNode[];
  /** Result columns for tabular nodes (operators, pipe expressions). */
  columns?: string[];
};

type NetList<T> = { Count: number; getItem(i: number): T };
type RawNode = {
  constructor: { $$name: string };
  TextStart: number;
  Width: number;
  ChildCount: number;
  GetChild(i: number): RawNode | null;
  ResultType?: { Columns?: NetList<{ Name: string }> } | null;
};

function convert(raw: RawNode, text: string): KqlNode {
  const children: KqlNode[] = [];
  for (let i = 0; i < raw.ChildCount; i++) {
    const child = raw.GetChild(i);
    if (child) children.push(convert(child, text));
  }
  // Generic classes read "SyntaxList$1$Kusto.Language.Syntax.Expression": keep the outer name.
  const type = raw.constructor.$$name.replace(/\$.*$/, "").split(/[.+]/).pop()!;
  const node: KqlNode = {
    type,
    start: raw.TextStart,
    end: raw.TextStart + raw.Width,
    text: text.slice(raw.TextStart, raw.TextStart + raw.Width),
    children,
  };
  const cols = raw.ResultType?.Columns;
  if (cols) node.columns = Array.from({ length: cols.Count }, (_, i) => cols.getItem(i).Name);
  return node;
}

// Several rules read the same query; analysing it once per query keeps content:verify fast.
const cache = new WeakMap<KustoGlobals, Map<string, KqlNode>>();

export function kqlTree(text: string, globals: KustoGlobals): KqlNode {
  let byText = cache.get(globals);
  if (!byText) cache.set(globals, (byText = new Map()));
  let tree = byText.get(text);
  if (!tree) byText.set(text, (tree = convert(kusto().syntax(prepare(text), globals) as RawNode, text)));
  return tree;
}

export function walk(
  node: KqlNode,
  visit: (n: KqlNode, parent: KqlNode | undefined) => void,
  parent?: KqlNode,
): void {
  visit(node, parent);
  for (const c of node.children) walk(c, visit, node);
}

/** Children that are real syntax (lists flattened, empty lists and separators kept in order). */
export function operands(node: KqlNode): KqlNode[] {
  return node.children.flatMap((c) =>
    c.type === "SyntaxList" || c.type === "SeparatedElement" ? operands(c) : [c],
  );
}
