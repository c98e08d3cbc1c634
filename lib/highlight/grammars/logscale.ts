// CrowdStrike Falcon LogScale query language (CQL). Not Cypher, which Shiki names `cql`.
import type { LanguageRegistration } from "shiki";
import { comments, numbers, strings, words } from "@/lib/highlight/grammars/common";

export const logscaleGrammar: LanguageRegistration = {
  name: "logscale",
  displayName: "LogScale CQL",
  aliases: ["falcon-logscale", "humio"],
  scopeName: "source.logscale",
  patterns: [
    { include: "#comments" },
    { include: "#strings" },
    { include: "#regex" },
    { include: "#tag" },
    { include: "#keywords" },
    { include: "#function" },
    { include: "#argument" },
    { include: "#assignment" },
    { include: "#fieldFilter" },
    { include: "#numbers" },
    { include: "#operators" },
  ],
  repository: {
    comments: comments("logscale"),
    strings: strings("logscale"),
    regex: { name: "string.regexp.logscale", match: "/(?![/*])(?:\\\\.|[^/\\n])+/[gimsxd]*" },
    // #event_simpleName, #repo: tag fields, indexed by LogScale.
    tag: { name: "variable.other.field.tag.logscale", match: "#[A-Za-z_][\\w.]*" },
    keywords: {
      patterns: [
        { name: "keyword.control.logscale", match: words(["case", "match"]) },
        { name: "keyword.operator.logical.logscale", match: "\\b(and|or|not|AND|OR|NOT)\\b" },
        { name: "constant.language.logscale", match: words(["true", "false"]) },
      ],
    },
    function: {
      match: "\\b([A-Za-z_][\\w:]*(?:\\.[A-Za-z_]\\w*)*)(?=\\s*\\()",
      captures: { "1": { name: "support.function.logscale" } },
    },
    // Named parameters inside calls: groupBy(field=..., function=...).
    argument: {
      match: '\\b([A-Za-z_]\\w*)\\s*(=)(?=\\s*[\\["\\w(/])(?=[^|\\n]*\\))',
      captures: { "1": { name: "variable.parameter.logscale" }, "2": { name: "keyword.operator.logscale" } },
    },
    assignment: {
      match: "\\b([A-Za-z_][\\w.\\[\\]]*)\\s*(:=)",
      captures: {
        "1": { name: "variable.other.field.logscale support.type.property-name.logscale" },
        "2": { name: "keyword.operator.assignment.logscale" },
      },
    },
    // ImageFileName=/\\cmd\.exe$/i, CommandLine="*foo*": a field filter.
    fieldFilter: {
      match: "\\b([A-Za-z_][\\w.\\[\\]]*)\\s*(!?=|<=|>=|<|>)",
      captures: {
        "1": { name: "variable.other.field.logscale support.type.property-name.logscale" },
        "2": { name: "keyword.operator.comparison.logscale" },
      },
    },
    numbers: numbers("logscale"),
    operators: { name: "keyword.operator.logscale", match: "\\||!|\\*|=>" },
  },
};
