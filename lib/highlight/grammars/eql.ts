// Elastic Event Query Language (EQL).
import type { LanguageRegistration } from "shiki";
import { comments, functionCall, numbers, strings, words } from "@/lib/highlight/grammars/common";

export const eqlGrammar: LanguageRegistration = {
  name: "eql",
  displayName: "EQL",
  scopeName: "source.eql",
  patterns: [
    { include: "#comments" },
    { include: "#strings" },
    { include: "#sequence" },
    { include: "#category" },
    { include: "#keywords" },
    { include: "#function" },
    { include: "#numbers" },
    { include: "#operators" },
    { include: "#field" },
  ],
  repository: {
    comments: comments("eql"),
    strings: {
      patterns: [
        { name: "string.quoted.raw.eql", begin: '\\?"', end: '"' },
        ...((strings("eql") as { patterns: object[] }).patterns as []),
      ],
    },
    numbers: numbers("eql"),
    function: functionCall("eql"),
    sequence: {
      name: "keyword.control.eql",
      match: words(["sequence", "sample", "until", "maxspan", "by", "with", "runs"]),
    },
    // "process where", "any where": the event category names the kind of event matched.
    category: {
      match: "\\b([a-z_]+)\\s+(where)\\b",
      captures: { "1": { name: "entity.name.type.category.eql" }, "2": { name: "keyword.other.where.eql" } },
    },
    keywords: {
      patterns: [
        { name: "keyword.operator.logical.eql", match: words(["and", "or", "not"]) },
        { name: "keyword.operator.eql", match: "\\b(in|like|regex)~?(?=\\s|\\()|\\bof\\b" },
        {
          name: "keyword.other.eql",
          match: words(["where", "head", "tail", "filter", "sort", "unique", "count"]),
        },
        { name: "constant.language.eql", match: words(["true", "false", "null"]) },
      ],
    },
    operators: { name: "keyword.operator.comparison.eql", match: "==|!=|<=|>=|<|>|:|~" },
    field: {
      name: "variable.other.field.eql support.type.property-name.eql",
      match: "`[^`]+`|\\b[A-Za-z_@][\\w@]*(\\.[\\w@]+)*\\b",
    },
  },
};
