// A Sigma regex as a YARA-L /literal/. Google's re.regex page: "If the UDM field includes newline
// characters, the regexp only matches the first line of the UDM field. To enforce full UDM field
// matching, add a (?s) to the regular expression"
// (https://cloud.google.com/chronicle/docs/detection/yara-l-2-0-functions/re-regex). A Sigma regex
// searches the whole value, so every pattern gets (?s); where the rule did not ask for s, each `.`
// becomes [^\n], which is what `.` matches without s (RE2 syntax: "any character, possibly
// including newline (s=true)").
import { escapeSlashes } from "@/lib/sigma/backends/slash-regex";

type Flags = { i?: boolean; m?: boolean; s?: boolean };

/** `.` outside classes and escapes as [^\n]; \Q...\E stays literal. */
function dotWithoutNewline(pattern: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\" && pattern[i + 1] === "Q") {
      const end = pattern.indexOf("\\E", i + 2);
      const stop = end === -1 ? pattern.length : end + 2;
      out += pattern.slice(i, stop);
      i = stop - 1;
    } else if (c === "\\") {
      out += c + (pattern[i + 1] ?? "");
      i++;
    } else if (inClass) {
      out += c;
      inClass = c !== "]";
    } else if (c === "[") {
      // A ] right after [ or [^ is a literal member, not the end of the class.
      const head = pattern[i + 1] === "^" ? "[^" : "[";
      const literal = pattern[i + head.length] === "]" ? "]" : "";
      out += head + literal;
      i += head.length - 1 + literal.length;
      inClass = true;
    } else out += c === "." ? "[^\\n]" : c;
  }
  return out;
}

/** The body between the slashes, flags first: always s, so the whole value is read. */
export function yaralRegex(pattern: string, flags: Flags): string {
  const body = flags.s ? pattern : dotWithoutNewline(pattern);
  return `(?${flags.i ? "i" : ""}${flags.m ? "m" : ""}s)${escapeSlashes(body)}`;
}
