// The syntax tree our KQL parser builds. Every node keeps its offsets in the query text so a
// decision can quote the clause that decided it, exactly as the query wrote it.
export type Span = { start: number; end: number };

export type Expr = Span &
  (
    | { t: "lit"; v: unknown }
    | { t: "col"; name: string }
    | { t: "star" }
    | { t: "call"; name: string; args: Expr[] }
    | { t: "bin"; op: string; l: Expr; r: Expr }
    | { t: "not"; e: Expr }
    | { t: "neg"; e: Expr }
    | { t: "in"; op: string; l: Expr; list: Expr[] }
    | { t: "between"; neg: boolean; l: Expr; lo: Expr; hi: Expr }
    | { t: "member"; obj: Expr; key: Expr }
    | { t: "subquery"; q: Query }
  );

/** `Name = expr` or a bare expression (its column name is derived from it). */
export type Assign = { name?: string; expr: Expr };

export type Source = Span &
  (
    | { t: "table"; name: string }
    | { t: "union"; queries: Query[] }
    | { t: "datatable"; columns: string[]; values: Expr[] }
    | { t: "query"; q: Query }
    | { t: "invoke"; name: string; args: Expr[] }
  );

export type JoinKind =
  | "inner"
  | "innerunique"
  | "leftouter"
  | "leftanti"
  | "leftsemi"
  | "rightsemi"
  | "rightanti"
  | "rightouter"
  | "fullouter";

export type Op = Span &
  (
    | { t: "where"; pred: Expr }
    | { t: "extend"; items: Assign[] }
    | { t: "project"; items: Assign[] }
    | { t: "project-away"; names: string[] }
    | { t: "project-rename"; pairs: { to: string; from: string }[] }
    | { t: "summarize"; aggs: Assign[]; by: Assign[] }
    | { t: "join"; kind: JoinKind; right: Query; on: { l: string; r: string }[] }
    | { t: "distinct"; items: Assign[] }
    | { t: "order"; keys: { expr: Expr; desc: boolean }[] }
    | { t: "top"; n: Expr; key: { expr: Expr; desc: boolean } }
    | { t: "take"; n: Expr }
    | { t: "count" }
    | { t: "mv-expand"; items: Assign[] }
    | { t: "mv-apply"; items: Assign[]; ops: Op[] }
    | { t: "union"; queries: Query[] }
  );

export type Query = Span & { source: Source; ops: Op[] };

/** `let f = (a: type, ...) { body }`: a user-defined function, tabular or scalar. */
export type FunctionDef = {
  params: string[];
  body: { kind: "tabular"; q: Query } | { kind: "scalar"; expr: Expr };
};

export type Statement =
  | (Span & { t: "let-scalar"; name: string; expr: Expr })
  | (Span & { t: "let-tabular"; name: string; q: Query })
  | (Span & { t: "let-function"; name: string; fn: FunctionDef })
  | (Span & { t: "query"; q: Query });
