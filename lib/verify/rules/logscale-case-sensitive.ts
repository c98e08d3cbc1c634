// LogScale: `field = value` and `field != value` must match exactly, including case; regexes are
// case-sensitive without the `i` flag, and in() without ignoreCase=true. Windows image names and
// paths need /…/i, in(…, ignoreCase=true) or wildcard(…, ignoreCase=true).
import { findingAt } from "@/lib/verify/rules/finding";
import { closing, isPunct, isWord, stringValue, tokensOf } from "@/lib/verify/rules/tokens";
import type { Finding, Rule } from "@/lib/verify/rules/types";
import { regexNamesWindows } from "@/lib/verify/rules/windows-regex";
import { isWindowsName } from "@/lib/verify/rules/windows-literal";

const ID = "logscale-case-sensitive";

function regexParts(text: string): { body: string; flags: string } {
  const end = text.lastIndexOf("/");
  return { body: text.slice(1, end), flags: text.slice(end + 1) };
}

export const logscaleCaseSensitive: Rule = {
  id: ID,
  languages: ["logscale"],
  reason:
    "LogScale field comparisons must match exactly, including case, and regexes and in() are case-sensitive without the `i` flag or ignoreCase=true, so a Windows image name or path misses events spelled in another case.",
  docs: "https://library.humio.com/data-analysis/syntax-operators.html",
  check(query) {
    const findings: Finding[] = [];
    const tokens = tokensOf("logscale", query.text);
    // lower(field) and lower(field, as=name) leave a lower-cased field behind.
    const folded = new Set(
      [
        ...`${query.base ?? ""}\n${query.text}`.matchAll(
          /\blower\(\s*(?:field\s*=\s*)?\[?([\w.]+)\]?(?:\s*,\s*as\s*=\s*([\w.]+))?/g,
        ),
      ].map((m) => m[2] ?? m[1]!),
    );
    const lowerOk = (i: number, value: string) =>
      tokens[i - 2]?.kind === "word" && folded.has(tokens[i - 2]!.text) && value === value.toLowerCase();
    tokens.forEach((t, i) => {
      const prev = tokens[i - 1];
      const compared = isPunct(prev, "=", "!=", "==") && tokens[i - 2]?.kind === "word";
      if (
        compared &&
        (t.kind === "string" || t.kind === "word") &&
        isWindowsName(t.kind === "string" ? stringValue(t) : t.text)
      )
        findings.push(
          findingAt(
            ID,
            query,
            t.start,
            `${tokens[i - 2]!.text}${prev!.text}${t.text} is case-sensitive: use a regex with the i flag`,
            [`/${t.text.replace(/^"|"$/g, "").replace(/[.\\]/g, "\\$&")}$/i`],
          ),
        );
      if (t.kind === "regex") {
        const { body, flags } = regexParts(t.text);
        const folds = isPunct(prev, "=", "!=") && lowerOk(i, body);
        if (!flags.includes("i") && !folds && !body.startsWith("(?i)") && regexNamesWindows(body))
          findings.push(
            findingAt(ID, query, t.start, `${t.text} is case-sensitive: add the i flag`, [
              `/${body}/${flags}i`,
            ]),
          );
      }
      if ((isWord(t, "in") || isWord(t, "wildcard")) && isPunct(tokens[i + 1], "(")) {
        const args = tokens.slice(i + 2, closing(tokens, i + 1));
        const ignoreCase = args.some((a, k) => isWord(a, "ignorecase") && isWord(args[k + 2], "true"));
        const lit = args.find((a) => a.kind === "string" && isWindowsName(stringValue(a)));
        if (lit && !ignoreCase)
          findings.push(
            findingAt(ID, query, lit.start, `${t.text}() compares case-sensitively: add ignoreCase=true`, [
              "ignoreCase=true",
            ]),
          );
      }
    });
    return findings;
  },
};
