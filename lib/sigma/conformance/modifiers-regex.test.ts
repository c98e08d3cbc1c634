// Conformance of the re modifier and its i, m, s flags on every backend, pinned to the Sigma
// specification (sigma-appendix-modifiers.md, "Regular Expression") and each target's regex
// dialect. Elasticsearch's Lucene RegExp (Lucene query strings, ES|QL RLIKE, EQL regex) matches
// the whole value and has no flags, so the pattern is rewritten; the others take it as written.
import { describe } from "vitest";
import { conformance } from "@/lib/sigma/conformance/modifier-harness";

const kql = (where: string) => `DeviceProcessEvents\n| where ${where}`;
const esql = (where: string) => `from logs-* metadata _id, _index, _version\n| where ${where}`;
const eql = (where: string) => `process where ${where}`;
const multiline = /^the regular expression \/\^evil\$\/ uses multi-line anchors \(the m flag\)/;

// sigma-appendix-modifiers.md, "Regular Expression": re "Value is handled as a regular
// expression by backends. Regex is matched case-sensitive by default." It searches (unanchored),
// and `.` does not match a newline without the s flag.
describe("re", () => {
  conformance(
    {
      selection: String.raw`    CommandLine|re: '^mimi.*\.exe'`,
      match: [{ CommandLine: "mimikatz.exe privilege::debug" }],
      miss: [
        { CommandLine: "MIMIKATZ.EXE" },
        { CommandLine: "mimi\n.exe" },
        { CommandLine: "x mimikatz.exe" },
      ],
    },
    {
      splunk: {
        doc: "| regex is an unanchored, case-sensitive PCRE match (SearchReference: regex)",
        query: "*\n| regex " + String.raw`CommandLine="^mimi.*\.exe"`,
      },
      kql: {
        doc: "matches regex is an unanchored RE2 search (KQL matches regex)",
        query: kql(String.raw`ProcessCommandLine matches regex "^mimi.*\\.exe"`),
      },
      lucene: {
        // The [^…] holds a real newline: Lucene's RegExp rejects \n ("invalid character class").
        doc: "Lucene regexp matches the whole value and its . spans newlines: .* appended, . as [^<newline>] (regexp syntax)",
        query: "process.command_line:/mimi[^\n]*\\.exe.*/",
      },
      esql: {
        doc: "RLIKE uses the Lucene regexp syntax; the newline is written \\n in the string literal (ES|QL RLIKE)",
        query: esql(String.raw`process.command_line rlike "mimi[^\n]*\\.exe.*"`),
      },
      eql: {
        doc: "regex is case-sensitive and matches the whole value, Lucene syntax (EQL operators)",
        query: eql(String.raw`process.command_line regex "mimi[^\n]*\\.exe.*"`),
      },
      "yara-l": {
        doc: "= /regex/ is an unanchored RE2 search; (?s) so it reads the whole value, not its first line, and . without s is [^\\n] (YARA-L re.regex)",
        query: String.raw`$e.target.process.command_line = /(?s)^mimi[^\n]*\.exe/`,
      },
      logscale: {
        doc: "field=/regex/ is an unanchored, case-sensitive search without flags (LogScale regular expressions)",
        query: String.raw`CommandLine=/^mimi.*\.exe/`,
      },
    },
  );
});

// sigma-appendix-modifiers.md, "Regular Expression": "`i`: (insensitive) to enable
// case-insensitive matching."
describe("re|i", () => {
  conformance(
    {
      selection: "    CommandLine|re|i: 'mimi.*katz'",
      match: [{ CommandLine: "x MIMI-KATZ y" }],
      miss: [{ CommandLine: "mimi\nkatz" }],
    },
    {
      splunk: {
        doc: "(?i) inline flag, PCRE",
        query: "*\n| regex " + String.raw`CommandLine="(?i)mimi.*katz"`,
      },
      kql: {
        doc: "(?i) inline flag, RE2 (KQL RE2 syntax)",
        query: kql('ProcessCommandLine matches regex "(?i)mimi.*katz"'),
      },
      lucene: {
        doc: "no flag in a query string regexp, so each letter becomes a [xX] class",
        query: "process.command_line:/.*[mM][iI][mM][iI][^\n]*[kK][aA][tT][zZ].*/",
      },
      esql: {
        doc: "RLIKE has no flag either: letter classes",
        query: esql(String.raw`process.command_line rlike ".*[mM][iI][mM][iI][^\n]*[kK][aA][tT][zZ].*"`),
      },
      eql: {
        doc: "regex~ is the case-insensitive regex operator (EQL operators)",
        query: eql(String.raw`process.command_line regex~ ".*mimi[^\n]*katz.*"`),
      },
      "yara-l": {
        doc: "(?i) inline flag, RE2; (?s) to read the whole value",
        query: String.raw`$e.target.process.command_line = /(?is)mimi[^\n]*katz/`,
      },
      logscale: { doc: "the i flag (LogScale regular expression flags)", query: "CommandLine=/mimi.*katz/i" },
    },
  );
});

// sigma-appendix-modifiers.md, "Regular Expression": "`m`: (multi line) to match across
// multiple lines. `^` /`$` match the start/end of line."
describe("re|m", () => {
  conformance(
    {
      selection: "    CommandLine|re|m: '^evil$'",
      match: [{ CommandLine: "a\nevil\nb" }],
      miss: [{ CommandLine: "a evil b" }],
    },
    {
      splunk: { doc: "(?m) inline flag, PCRE", query: "*\n| regex " + String.raw`CommandLine="(?m)^evil$"` },
      kql: { doc: "(?m) inline flag, RE2", query: kql('ProcessCommandLine matches regex "(?m)^evil$"') },
      lucene: { doc: "Lucene regexp has no anchors and no line mode: refused", refused: multiline },
      esql: { doc: "RLIKE: Lucene regexp, refused", refused: multiline },
      eql: { doc: "regex: Lucene regexp, refused", refused: multiline },
      "yara-l": {
        doc: "(?m) inline flag, RE2; (?s) to read past the first line (YARA-L re.regex)",
        query: "$e.target.process.command_line = /(?ms)^evil$/",
      },
      logscale: { doc: "the m flag", query: "CommandLine=/^evil$/m" },
    },
  );
});

// sigma-appendix-modifiers.md, "Regular Expression": "`s`: (single line) to enable that dot
// (`.`) matches all characters, including the newline character."
describe("re|s", () => {
  conformance(
    {
      selection: "    CommandLine|re|s: 'begin.end'",
      match: [{ CommandLine: "x begin\nend y" }],
      miss: [{ CommandLine: "beginend" }],
    },
    {
      splunk: {
        doc: "(?s) inline flag, PCRE",
        query: "*\n| regex " + String.raw`CommandLine="(?s)begin.end"`,
      },
      kql: { doc: "(?s) inline flag, RE2", query: kql('ProcessCommandLine matches regex "(?s)begin.end"') },
      lucene: {
        doc: "Lucene's . already matches any character",
        query: "process.command_line:/.*begin.end.*/",
      },
      esql: {
        doc: "Lucene's . already matches any character",
        query: esql('process.command_line rlike ".*begin.end.*"'),
      },
      eql: {
        doc: "Lucene's . already matches any character",
        query: eql('process.command_line regex ".*begin.end.*"'),
      },
      "yara-l": { doc: "(?s) inline flag, RE2", query: "$e.target.process.command_line = /(?s)begin.end/" },
      logscale: {
        doc: "the d (dotall) flag (LogScale regular expression flags)",
        query: "CommandLine=/begin.end/d",
      },
    },
  );
});

// sigma-appendix-modifiers.md, "Regular Expression": "The supported flavor is PCRE". PCRE's \s is
// [\t\n\v\f\r ]; Lucene's RegExp has no \t escape and a narrower \s, so both are written out.
describe("re with \\s and \\t escapes", () => {
  conformance(
    {
      selection: String.raw`    CommandLine|re: 'a\sb\tc'`,
      match: [{ CommandLine: "a b\tc" }, { CommandLine: "xa\nb\tcx" }],
      miss: [{ CommandLine: "atbtc" }, { CommandLine: "a b c" }],
    },
    {
      splunk: { doc: "PCRE escapes as written", query: "*\n| regex " + String.raw`CommandLine="a\sb\tc"` },
      kql: {
        doc: "RE2 escapes, the backslash doubled in the string",
        query: kql(String.raw`ProcessCommandLine matches regex "a\\sb\\tc"`),
      },
      lucene: {
        doc: "the class and the tab as the characters themselves (Lucene RegExp: an escaped letter other than d s w is an error)",
        query: "process.command_line:/.*a[\t-\r ]b\tc.*/",
      },
      esql: {
        doc: "as Lucene, the control characters written \\t and \\r in the string literal",
        query: esql(String.raw`process.command_line rlike ".*a[\t-\r ]b\tc.*"`),
      },
      eql: {
        doc: "as Lucene, the control characters written \\t and \\r in the string literal",
        query: eql(String.raw`process.command_line regex ".*a[\t-\r ]b\tc.*"`),
      },
      "yara-l": {
        doc: "RE2 escapes as written; (?s) so \\s can match a newline past the first line",
        query: String.raw`$e.target.process.command_line = /(?s)a\sb\tc/`,
      },
      logscale: { doc: "escapes as written", query: String.raw`CommandLine=/a\sb\tc/` },
    },
  );
});

// The long names pySigma accepts for the flags (ignorecase, multiline, dotall) are the same
// flags; without ^ or $ the m flag changes nothing, so Lucene-syntax targets need not refuse it.
describe("re|ignorecase|multiline|dotall (pySigma's long flag names)", () => {
  conformance(
    {
      selection: "    CommandLine|re|ignorecase|multiline|dotall: 'A.B'",
      match: [{ CommandLine: "xa\nby" }],
      miss: [{ CommandLine: "ab" }],
    },
    {
      splunk: { doc: "(?ims)", query: "*\n| regex " + String.raw`CommandLine="(?ims)A.B"` },
      kql: { doc: "(?ims)", query: kql('ProcessCommandLine matches regex "(?ims)A.B"') },
      lucene: { doc: "letter classes, . as is", query: "process.command_line:/.*[aA].[bB].*/" },
      esql: { doc: "letter classes, . as is", query: esql('process.command_line rlike ".*[aA].[bB].*"') },
      eql: { doc: "regex~, . as is", query: eql('process.command_line regex~ ".*A.B.*"') },
      "yara-l": { doc: "(?ims)", query: "$e.target.process.command_line = /(?ims)A.B/" },
      logscale: { doc: "flags i, m and d", query: "CommandLine=/A.B/imd" },
    },
  );
});

// "`i`: (insensitive) to enable case-insensitive matching" holds for a class range too: [a-f]
// must also match A-F where the target has no flag and letters become classes.
describe("re|i with a character range", () => {
  conformance(
    {
      selection: "    CommandLine|re|i: 'id=[a-f]+;'",
      match: [{ CommandLine: "ID=CAFE;" }, { CommandLine: "x id=beef; y" }],
      miss: [{ CommandLine: "id=cafg;" }],
    },
    {
      splunk: { doc: "(?i)", query: "*\n| regex " + String.raw`CommandLine="(?i)id=[a-f]+;"` },
      kql: { doc: "(?i)", query: kql('ProcessCommandLine matches regex "(?i)id=[a-f]+;"') },
      lucene: {
        doc: "the range in both cases (inside /…/ only / is reserved)",
        query: "process.command_line:/.*[iI][dD]=[a-fA-F]+;.*/",
      },
      esql: {
        doc: "the range in both cases",
        query: esql('process.command_line rlike ".*[iI][dD]=[a-fA-F]+;.*"'),
      },
      eql: {
        doc: "regex~ takes the range as is",
        query: eql('process.command_line regex~ ".*id=[a-f]+;.*"'),
      },
      "yara-l": { doc: "(?i), and (?s)", query: "$e.target.process.command_line = /(?is)id=[a-f]+;/" },
      logscale: { doc: "the i flag", query: "CommandLine=/id=[a-f]+;/i" },
    },
  );
});
