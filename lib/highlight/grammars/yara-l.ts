// Google SecOps YARA-L 2.0 detection rules.
import type { LanguageRegistration } from "shiki";
import { comments, numbers, strings, words } from "@/lib/highlight/grammars/common";

export const yaraLGrammar: LanguageRegistration = {
  name: "yara-l",
  displayName: "YARA-L 2.0",
  aliases: ["yaral"],
  scopeName: "source.yara-l",
  patterns: [
    { include: "#comments" },
    { include: "#strings" },
    { include: "#regex" },
    { include: "#rule" },
    { include: "#sections" },
    { include: "#keywords" },
    { include: "#function" },
    { include: "#eventField" },
    { include: "#variable" },
    { include: "#reference" },
    { include: "#numbers" },
    { include: "#operators" },
  ],
  repository: {
    comments: comments("yara-l"),
    strings: {
      patterns: [
        { name: "string.quoted.backtick.yara-l", begin: "`", end: "`" },
        ...((strings("yara-l") as { patterns: object[] }).patterns as []),
      ],
    },
    // A regex literal follows a comparison: $e.principal.process.command_line = /-enc/ nocase
    regex: { name: "string.regexp.yara-l", match: "(?<==\\s|=)/(?![/*])(?:\\\\.|[^/\\n])+/" },
    rule: {
      match: "\\b(rule)\\s+([A-Za-z_]\\w*)",
      captures: {
        "1": { name: "keyword.control.rule.yara-l" },
        "2": { name: "entity.name.function.rule.yara-l" },
      },
    },
    sections: {
      name: "keyword.control.section.yara-l",
      match: "\\b(meta|events|match|outcome|condition|options)(?=\\s*:)",
    },
    keywords: {
      patterns: [
        { name: "keyword.operator.logical.yara-l", match: words(["and", "or", "not"]) },
        {
          name: "keyword.other.yara-l",
          match: words([
            "over",
            "nocase",
            "any",
            "all",
            "by",
            "before",
            "after",
            "in",
            "is",
            "if",
            "every",
            "regex",
            "cidr",
          ]),
        },
        { name: "constant.language.yara-l", match: words(["true", "false", "null"]) },
      ],
    },
    function: {
      match:
        "\\b((?:re|strings|math|timestamp|net|arrays|hash|fingerprint|cast|window|group)\\.[a-z_]+|count|count_distinct|sum|min|max|array|array_distinct|max|avg|earliest|latest)(?=\\s*\\()",
      captures: { "1": { name: "support.function.yara-l" } },
    },
    // $e.principal.process.command_line: the event variable, then the UDM field path.
    eventField: {
      match: "(\\$[A-Za-z_]\\w*)((?:\\.[A-Za-z_]\\w*(?:\\[[^\\]]*\\])?)+)",
      captures: {
        "1": { name: "variable.other.event.yara-l" },
        "2": { name: "variable.other.field.yara-l support.type.property-name.yara-l" },
      },
    },
    variable: { name: "variable.other.event.yara-l", match: "[$#][A-Za-z_]\\w*" },
    reference: { name: "entity.name.type.list.yara-l", match: "%[A-Za-z_]\\w*" },
    numbers: numbers("yara-l"),
    operators: { name: "keyword.operator.comparison.yara-l", match: "=|!=|<=|>=|<|>" },
  },
};
