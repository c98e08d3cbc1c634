// The converter API's response, as the page reads it.
export type Diagnostic = {
  severity: "error" | "warning";
  message: string;
  hint: string;
  line: number;
  column: number;
};
export type Conversion = {
  target: string;
  label: string;
  extension: string;
  query?: string;
  html?: string;
  error?: string;
  pipeline?: string;
};
export type Evaluation =
  | { matched: number; results: Array<{ index: number; matched: boolean; fired: string[] }> }
  | { error: string }
  | null;
export type ConvertedRule = {
  kind: "rule" | "correlation";
  title: string;
  level: string | null;
  tags: Array<{ tag: string; href: string | null }>;
  conversions: Conversion[];
  evaluation: Evaluation;
};
export type ConvertResponse = {
  diagnostics: Diagnostic[];
  rules: ConvertedRule[];
  events: number | null;
  error?: string;
};
