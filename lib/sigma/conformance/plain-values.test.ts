// Conformance of values without modifiers (strings with wildcards and escapes, numbers, the empty
// string, null) on every backend, pinned to sigma-rules-specification.md and each target's
// documented operators.
import { describe, expect, it } from "vitest";
import { conformance, convertProbe, rule } from "@/lib/sigma/conformance/modifier-harness";

const kql = (where: string) => `DeviceProcessEvents\n| where ${where}`;
const esql = (where: string) => `from logs-* metadata _id, _index, _version\n| where ${where}`;
const eql = (where: string) => `process where ${where}`;

// sigma-rules-specification.md, "General": "All values are treated as case-insensitive strings";
// a value without wildcards matches the whole field. The probe also carries each target's
// special characters (space, slash, double quote).
describe("plain value: whole-field, case-insensitive equality", () => {
  conformance(
    {
      selection: `    CommandLine: 'cmd /c "whoami"'`,
      match: [{ CommandLine: 'CMD /C "WhoAmI"' }],
      miss: [{ CommandLine: 'cmd /c "whoami" /all' }, { CommandLine: 'x cmd /c "whoami"' }],
    },
    {
      splunk: {
        doc: 'search field=value is case-insensitive; \\ and " escaped in quotes (SearchReference: search)',
        query: String.raw`CommandLine="cmd /c \"whoami\""`,
      },
      kql: {
        doc: "=~ is case-insensitive equality; == is not (KQL string operators)",
        query: kql(String.raw`ProcessCommandLine =~ "cmd /c \"whoami\""`),
      },
      lucene: {
        doc: 'term query with space, / and " backslash-escaped (query string syntax, reserved characters)',
        query: String.raw`process.command_line:cmd\ \/c\ \"whoami\"`,
      },
      esql: {
        doc: "== is case-sensitive, so to_lower(field) against the lower-cased value (ES|QL TO_LOWER)",
        query: esql(String.raw`to_lower(process.command_line) == "cmd /c \"whoami\""`),
      },
      eql: {
        doc: ": is case-insensitive equality (EQL syntax, operators)",
        query: eql(String.raw`process.command_line : "cmd /c \"whoami\""`),
      },
      "yara-l": {
        doc: "= with nocase on a string literal (YARA-L 2.0 syntax, nocase)",
        query: String.raw`$e.target.process.command_line = "cmd /c \"whoami\"" nocase`,
      },
      logscale: {
        doc: "= is case-sensitive, so an anchored /regex/i with / escaped (LogScale operators, regex flags)",
        query: String.raw`CommandLine=/^cmd \/c "whoami"$/i`,
      },
    },
  );
});

// sigma-rules-specification.md, "String Wildcard": "`?` to replace a single mandatory character.
// `*` to replace an unbounded length wildcard." The engine's * spans newlines, so regex forms
// need the s flag.
describe("wildcards * and ? in a plain value", () => {
  conformance(
    {
      selection: "    CommandLine: 'who*mi?.exe'",
      match: [{ CommandLine: "WHO\nAMIx.exe" }],
      miss: [{ CommandLine: "whoami.exe" }, { CommandLine: "whoamix.exe " }],
    },
    {
      splunk: {
        doc: "search wildcards are * only; a ? is refused rather than widened to * (SearchReference: search, wildcards)",
        refused: /^Splunk search has no single-character wildcard \(\?\)/,
      },
      kql: {
        doc: "no wildcard operator, so matches regex anchored, (?is) for case and newlines (KQL matches regex, RE2 flags)",
        query: kql(String.raw`ProcessCommandLine matches regex "(?is)^who.*mi.\\.exe$"`),
      },
      lucene: {
        doc: "query string wildcards * and ? (query string syntax, wildcards)",
        query: "process.command_line:who*mi?.exe",
      },
      esql: {
        doc: "LIKE: * any sequence, ? one character, on to_lower (ES|QL LIKE)",
        query: esql('to_lower(process.command_line) like "who*mi?.exe"'),
      },
      eql: {
        doc: ": takes the * and ? wildcards (EQL syntax, wildcards)",
        query: eql('process.command_line : "who*mi?.exe"'),
      },
      "yara-l": {
        doc: "regex with (?s) so . spans lines, nocase (YARA-L re.regex, RE2)",
        query: String.raw`$e.target.process.command_line = /(?s)^who.*mi.\.exe$/ nocase`,
      },
      logscale: {
        doc: "regex flags i (case) and d (dot matches newline) (LogScale regular expression flags)",
        query: String.raw`CommandLine=/^who.*mi.\.exe$/id`,
      },
    },
  );
  // SearchReference, where and match(): beside a regex in an OR the value is tested in | where
  // as an anchored PCRE, which has ? and needs (?s) for * to span newlines.
  it("splunk: beside a regex in an OR, | where match() with (?is)", () => {
    const r = rule("    - CommandLine: 'who*mi?.exe'\n    - User|re: 'adm'");
    expect(convertProbe(r, "splunk")).toEqual({
      query:
        "*\n| where " + String.raw`match('CommandLine', "(?is)^who.*mi.\\.exe$") OR match('User', "adm")`,
    });
  });
});

// sigma-rules-specification.md, "Escape Character": "A wildcard has to be escaped to be handled
// as a plain character. eg: `\*`, `\?`."
describe("escaped wildcard \\* is a literal asterisk", () => {
  conformance(
    {
      selection: String.raw`    CommandLine: 'a\*b'`,
      match: [{ CommandLine: "A*B" }],
      miss: [{ CommandLine: "axb" }],
    },
    {
      splunk: {
        doc: "search cannot escape *, so it refuses (SearchReference: search, wildcards)",
        refused: /^Splunk search cannot match a literal "\*" in "a\*b"/,
      },
      kql: { doc: "=~ compares literally (KQL string operators)", query: kql('ProcessCommandLine =~ "a*b"') },
      lucene: {
        doc: "\\* is a literal * (query string, escaping)",
        query: String.raw`process.command_line:a\*b`,
      },
      esql: { doc: "== compares literally", query: esql('to_lower(process.command_line) == "a*b"') },
      eql: {
        doc: ": has no escape for * (its wildcard becomes LIKE with a private escape), so it refuses",
        refused: /^EQL wildcard matching cannot escape a literal \* or \? in "a\*b"/,
      },
      "yara-l": {
        doc: "= on a string literal has no wildcards",
        query: '$e.target.process.command_line = "a*b" nocase',
      },
      logscale: { doc: "\\* in a regex is literal", query: String.raw`CommandLine=/^a\*b$/i` },
    },
  );
});

// sigma-rules-specification.md, "Escape Character": "The backslash before a wildcard has to be
// escaped to handle the value as a backslash followed by a wildcard: `\\*`."
describe("escaped backslash before a wildcard: \\\\* is a backslash, then any text", () => {
  conformance(
    {
      selection: String.raw`    CommandLine: 'C:\Temp\\*'`,
      match: [{ CommandLine: String.raw`c:\temp\evil.exe` }],
      miss: [{ CommandLine: "C:\\Temp*" }, { CommandLine: "C:\\TempX" }],
    },
    {
      splunk: {
        doc: "\\\\ is a backslash inside quotes, then the * wildcard (SearchReference: search)",
        query: String.raw`CommandLine="C:\\Temp\\*"`,
      },
      kql: {
        doc: "startswith is case-insensitive (KQL string operators)",
        query: kql(String.raw`ProcessCommandLine startswith "C:\\Temp\\"`),
      },
      lucene: {
        doc: "backslash and colon escaped, then a wildcard (query string syntax)",
        query: String.raw`process.command_line:C\:\\Temp\\*`,
      },
      esql: {
        doc: "LIKE escapes a backslash as \\\\, itself doubled in the string literal (ES|QL LIKE)",
        query: esql(String.raw`to_lower(process.command_line) like "c:\\\\temp\\\\*"`),
      },
      eql: {
        doc: "backslash is not a wildcard escape in : (EQL wildcards), only in the string literal",
        query: eql(String.raw`process.command_line : "C:\\Temp\\*"`),
      },
      "yara-l": {
        doc: "prefix regex, nocase",
        query: String.raw`$e.target.process.command_line = /(?s)^C:\\Temp\\/ nocase`,
      },
      logscale: { doc: "prefix regex, i", query: String.raw`CommandLine=/^C:\\Temp\\/i` },
    },
  );
});

// sigma-rules-specification.md, "Lists" and "Maps": a number is a value of its own type; it
// equals a field holding that number (or its decimal text, as logs often carry numbers).
describe("plain number", () => {
  conformance(
    {
      selection: "    DestinationPort: 4444",
      match: [{ DestinationPort: 4444 }, { DestinationPort: "4444" }],
      miss: [{ DestinationPort: 44444 }, { DestinationPort: "4444a" }],
    },
    {
      splunk: { doc: "field=n in search", query: "DestinationPort=4444" },
      kql: { doc: "== on a number", query: kql("DestinationPort == 4444") },
      lucene: { doc: "term", query: "destination.port:4444" },
      esql: { doc: "==", query: esql("destination.port == 4444") },
      eql: { doc: "==", query: eql("destination.port == 4444") },
      "yara-l": { doc: "= on an integer field", query: "$e.target.port = 4444" },
      logscale: { doc: "field=n", query: "DestinationPort=4444" },
    },
  );
});

// sigma-rules-specification.md, "Special Field Values": "An empty value is defined with `''`".
describe("empty string ''", () => {
  conformance(
    {
      selection: "    CommandLine: ''",
      match: [{ CommandLine: "" }],
      miss: [{ CommandLine: " " }, {}],
    },
    {
      splunk: { doc: 'field=""', query: 'CommandLine=""' },
      kql: { doc: '=~ ""', query: kql('ProcessCommandLine =~ ""') },
      lucene: { doc: 'an empty term is written "" (query string syntax)', query: 'process.command_line:""' },
      esql: { doc: '== ""', query: esql('to_lower(process.command_line) == ""') },
      eql: { doc: ': ""', query: eql('process.command_line : ""') },
      "yara-l": {
        doc: '= "" (also what an absent UDM string reads as)',
        query: '$e.target.process.command_line = "" nocase',
      },
      logscale: { doc: "an anchored empty regex", query: "CommandLine=/^$/i" },
    },
  );
});

// sigma-rules-specification.md, "Special Field Values": "A null value is defined with `null`
// ... The application of these values depends on the target SIEM system." The engine reads null
// as absent, null or empty; whether an empty string counts is left to each target (Elasticsearch
// indexes "", so Lucene, ES|QL and EQL do not match it), so no probe event is empty here.
describe("null", () => {
  conformance(
    {
      selection: "    CommandLine: null",
      match: [{}, { CommandLine: null }],
      miss: [{ CommandLine: "x" }],
    },
    {
      splunk: { doc: "NOT field=* (no value)", query: "NOT CommandLine=*" },
      kql: { doc: "isempty(): null or empty (KQL isempty)", query: kql("isempty(ProcessCommandLine)") },
      lucene: { doc: "NOT _exists_:field", query: "NOT _exists_:process.command_line" },
      esql: { doc: "IS NULL", query: esql("process.command_line is null") },
      eql: { doc: "== null", query: eql("process.command_line == null") },
      "yara-l": { doc: 'UDM has no null: = ""', query: '$e.target.process.command_line = ""' },
      logscale: { doc: 'empty or missing: ="" or !=*', query: '(CommandLine="" or CommandLine!=*)' },
    },
  );
});
