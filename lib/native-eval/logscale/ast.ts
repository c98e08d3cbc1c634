// The LogScale query language as our parser reads it (https://library.humio.com/data-analysis/syntax.html):
// a pipeline of stages; a stage is a filter expression, an assignment `field := expression`, a
// `case { ... }` statement, or a function call.
export type Arg = { name?: string; value: Node };

export type Node =
  | { t: "and" | "or"; a: Node; b: Node }
  | { t: "not"; a: Node }
  | { t: "cmp"; field: string; op: string; value: Node; text: string; left?: Node }
  | { t: "str"; v: string }
  | { t: "num"; v: number }
  | { t: "regex"; pattern: string; flags: string }
  | { t: "wild" }
  | { t: "field"; name: string }
  | { t: "call"; name: string; args: Arg[]; text: string }
  | { t: "array"; items: Node[] }
  | { t: "query"; stages: Stage[] }
  | { t: "arith"; op: string; a: Node; b: Node }
  | { t: "freetext"; v: string | { pattern: string; flags: string } };

export type Stage =
  | { t: "filter"; e: Node; text: string }
  | { t: "assign"; field: string; e: Node; text: string }
  | { t: "case"; branches: Stage[][]; text: string }
  | { t: "call"; call: Extract<Node, { t: "call" }>; negated: boolean; text: string };
