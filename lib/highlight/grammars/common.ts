// Shared TextMate pieces for the query-language grammars Shiki does not ship.
// Scope names follow TextMate conventions so any Shiki theme colours them:
// keyword.*, string.*, comment.*, variable.other.field.*, support.function.*, constant.*.
import type { LanguageRegistration } from "shiki";

type Rule = NonNullable<LanguageRegistration["repository"]>[string];

export function comments(suffix: string): Rule {
  return {
    patterns: [
      { name: `comment.line.double-slash.${suffix}`, match: "//.*$" },
      { name: `comment.block.${suffix}`, begin: "/\\*", end: "\\*/" },
    ],
  };
}

export function strings(suffix: string): Rule {
  return {
    patterns: [
      { name: `string.quoted.triple.${suffix}`, begin: '"""', end: '"""' },
      {
        name: `string.quoted.double.${suffix}`,
        begin: '"',
        end: '"',
        patterns: [{ name: `constant.character.escape.${suffix}`, match: "\\\\." }],
      },
    ],
  };
}

export function numbers(suffix: string): Rule {
  return { name: `constant.numeric.${suffix}`, match: "\\b\\d+(\\.\\d+)?([smhd]|ms)?\\b" };
}

export function functionCall(suffix: string): Rule {
  return {
    match: "\\b([A-Za-z_][\\w.]*)(?=\\s*\\()",
    captures: { "1": { name: `support.function.${suffix}` } },
  };
}

export function words(list: string[]): string {
  return `(?i)\\b(${list.join("|")})\\b`;
}
