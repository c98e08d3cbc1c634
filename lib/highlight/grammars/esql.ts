// Elastic ES|QL (piped query language).
import type { LanguageRegistration } from "shiki";
import { comments, functionCall, numbers, strings, words } from "@/lib/highlight/grammars/common";

const COMMANDS = [
  "FROM",
  "ROW",
  "SHOW",
  "WHERE",
  "EVAL",
  "STATS",
  "INLINESTATS",
  "KEEP",
  "DROP",
  "RENAME",
  "SORT",
  "LIMIT",
  "DISSECT",
  "GROK",
  "ENRICH",
  "MV_EXPAND",
  "LOOKUP\\s+JOIN",
  "METADATA",
  "FORK",
  "CHANGE_POINT",
  "SAMPLE",
];

export const esqlGrammar: LanguageRegistration = {
  name: "esql",
  displayName: "ES|QL",
  scopeName: "source.esql",
  patterns: [
    { include: "#comments" },
    { include: "#strings" },
    { include: "#source" },
    { include: "#commands" },
    { include: "#keywords" },
    { include: "#function" },
    { include: "#numbers" },
    { include: "#operators" },
    { include: "#field" },
  ],
  repository: {
    comments: comments("esql"),
    strings: strings("esql"),
    numbers: numbers("esql"),
    function: functionCall("esql"),
    // FROM logs-endpoint.events.process-*: index patterns, not fields.
    source: {
      begin: "(?i)\\b(FROM)\\b",
      beginCaptures: { "1": { name: "keyword.control.command.esql" } },
      end: "(?=\\||$)",
      patterns: [
        { include: "#comments" },
        { name: "keyword.other.esql", match: words(["METADATA"]) },
        { name: "entity.name.type.index.esql", match: "[\\w.*:\\-]+" },
      ],
    },
    commands: { name: "keyword.control.command.esql", match: words(COMMANDS) },
    keywords: {
      patterns: [
        { name: "keyword.operator.logical.esql", match: words(["AND", "OR", "NOT"]) },
        {
          name: "keyword.operator.esql",
          match: words([
            "IN",
            "LIKE",
            "RLIKE",
            "IS",
            "BY",
            "ON",
            "WITH",
            "AS",
            "ASC",
            "DESC",
            "NULLS",
            "FIRST",
            "LAST",
          ]),
        },
        { name: "constant.language.esql", match: words(["true", "false", "null"]) },
      ],
    },
    operators: { name: "keyword.operator.comparison.esql", match: "==|!=|<=|>=|<|>|=|\\||\\+|-|\\*|/|%" },
    field: {
      name: "variable.other.field.esql support.type.property-name.esql",
      match: "`[^`]+`|\\b[A-Za-z_@][\\w@]*(\\.[\\w@]+)*\\b",
    },
  },
};
