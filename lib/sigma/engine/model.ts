// The typed Sigma rule the parser builds and the evaluator and backends consume. Values are
// already transformed by their modifiers (base64, utf16, windash...), so consumers only see the
// handful of value kinds a query language has to express.

export type Severity = "error" | "warning";

export type Location = { line: number; column: number };

export type Diagnostic = {
  severity: Severity;
  message: string;
  /** How to fix it, in one sentence. */
  hint: string;
  line: number;
  column: number;
  /** Dotted path in the rule, e.g. detection.selection.Image|endswith */
  path: string;
};

export type TimePart = "minute" | "hour" | "day" | "week" | "month" | "year";

/** A piece of a string value: literal text, or a `*`/`?` wildcard. */
export type StringPart = string | { wildcard: "*" | "?" };

export type SigmaValue =
  | { kind: "string"; parts: StringPart[]; cased: boolean }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "null" }
  | { kind: "regex"; pattern: string; flags: { i: boolean; m: boolean; s: boolean } }
  | { kind: "cidr"; network: string }
  | { kind: "compare"; op: "gt" | "gte" | "lt" | "lte"; value: number }
  /** Sigma v2.1 time modifiers: a part of the field's date (UTC) compared with a number. */
  | { kind: "timepart"; part: TimePart; op: "eq" | "gt" | "gte" | "lt" | "lte"; value: number }
  | { kind: "exists"; value: boolean }
  | { kind: "fieldref"; field: string; match: "eq" | "startswith" | "endswith" | "contains" }
  | { kind: "expand"; placeholder: string };

/** One `field|modifiers: values` entry (field null for keyword searches). */
export type DetectionItem = {
  type: "item";
  field: string | null;
  modifiers: string[];
  /** Values are ORed unless `all` was given. */
  link: "or" | "and";
  values: SigmaValue[];
  loc: Location;
};

/** A search identifier's body: maps AND their entries, lists OR theirs. */
export type DetectionGroup = {
  type: "group";
  link: "or" | "and";
  /** Sigma v2.1 `neq`: the group (one field's values) must not match. */
  negated?: boolean;
  items: Array<DetectionItem | DetectionGroup>;
  loc: Location;
};

export type ConditionNode =
  | { type: "and" | "or"; args: ConditionNode[] }
  | { type: "not"; arg: ConditionNode }
  | { type: "id"; name: string }
  | { type: "of"; quantifier: "1" | "all"; pattern: string };

export type LogSource = { category?: string; product?: string; service?: string; definition?: string };

export type DetectionRule = {
  type: "rule";
  title: string;
  id?: string;
  /** Sigma v2 `name`, by which correlation rules may refer to it. */
  name?: string;
  status?: string;
  level?: string;
  description?: string;
  tags: string[];
  logsource: LogSource;
  detections: Map<string, DetectionGroup>;
  conditions: ConditionNode[];
  conditionText: string[];
  timeframe?: string;
  falsepositives: string[];
  /** Sigma's `fields`: what to show of a match (table / project / keep on targets that select). */
  fields: string[];
};

export type CorrelationType =
  | "event_count"
  | "value_count"
  | "temporal"
  | "temporal_ordered"
  | "value_sum"
  | "value_avg"
  | "value_percentile"
  | "value_median";

export type CorrelationOp = "gt" | "gte" | "lt" | "lte" | "eq" | "neq";

export type CorrelationRule = {
  type: "correlation";
  title: string;
  id?: string;
  name?: string;
  level?: string;
  description?: string;
  tags: string[];
  correlation: {
    type: CorrelationType;
    /** Names or ids of the rules it correlates. */
    rules: string[];
    groupBy: string[];
    timespan: string;
    /** alias -> rule name or id -> that rule's field (Sigma's `aliases`). */
    aliases: Record<string, Record<string, string>>;
    /** Whether the referenced rules are also output on their own. */
    generate: boolean;
    /**
     * Several ops are ANDed (a range). For temporal types, optional: how many distinct rules must
     * match in the window (absent: every rule).
     */
    condition?: {
      ops: Array<{ op: CorrelationOp; value: number }>;
      field?: string;
      /** value_percentile: which percentile (1-99); value_median is 50. */
      percentile?: number;
    };
  };
};

export type SigmaRuleModel = DetectionRule | CorrelationRule;
