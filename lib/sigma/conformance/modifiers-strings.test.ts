// Conformance of plain values, wildcards and the string modifiers (contains, startswith, endswith,
// all, cased, windash) on every backend, pinned to the Sigma specification (SigmaHQ/
// sigma-specification, specification/*.md) and to each target's documented operators.
import { describe, expect, it } from "vitest";
import { conformance, convertProbe, rule, yaralRule } from "@/lib/sigma/conformance/modifier-harness";

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

// sigma-appendix-modifiers.md, "Generic Modifiers": contains "Puts `*` wildcards around the
// values, such that the value is matched anywhere in the field."
describe("contains", () => {
  conformance(
    {
      selection: "    CommandLine|contains: 'Invoke-Mimikatz'",
      match: [{ CommandLine: "powershell IEX; invoke-mimikatz -dump" }],
      miss: [{ CommandLine: "Invoke-Mimi katz" }],
    },
    {
      splunk: { doc: "*value* in search", query: 'CommandLine="*Invoke-Mimikatz*"' },
      kql: {
        doc: "contains is case-insensitive substring; contains_cs is not (KQL string operators)",
        query: kql('ProcessCommandLine contains "Invoke-Mimikatz"'),
      },
      lucene: { doc: "*value* with - escaped", query: String.raw`process.command_line:*Invoke\-Mimikatz*` },
      esql: {
        doc: "LIKE *value* on to_lower",
        query: esql('to_lower(process.command_line) like "*invoke-mimikatz*"'),
      },
      eql: { doc: ": with *value*", query: eql('process.command_line : "*Invoke-Mimikatz*"') },
      "yara-l": {
        doc: "an unanchored regex matches anywhere (YARA-L re.regex)",
        query: "$e.target.process.command_line = /(?s)Invoke-Mimikatz/ nocase",
      },
      logscale: { doc: "an unanchored regex matches anywhere", query: "CommandLine=/Invoke-Mimikatz/i" },
    },
  );
});

// sigma-appendix-modifiers.md, "Generic Modifiers": startswith "The value is expected at the
// beginning of the field's content. (replaces e.g. 'adm*')".
describe("startswith", () => {
  conformance(
    {
      selection: "    CommandLine|startswith: 'powershell'",
      match: [{ CommandLine: "PowerShell.exe -nop" }],
      miss: [{ CommandLine: "x powershell" }],
    },
    {
      splunk: { doc: "value* in search", query: 'CommandLine="powershell*"' },
      kql: {
        doc: "startswith is case-insensitive; startswith_cs is not (KQL string operators)",
        query: kql('ProcessCommandLine startswith "powershell"'),
      },
      lucene: { doc: "prefix wildcard", query: "process.command_line:powershell*" },
      esql: {
        doc: "LIKE value* on to_lower",
        query: esql('to_lower(process.command_line) like "powershell*"'),
      },
      eql: { doc: ": with value*", query: eql('process.command_line : "powershell*"') },
      "yara-l": {
        doc: "regex anchored at the start",
        query: "$e.target.process.command_line = /(?s)^powershell/ nocase",
      },
      logscale: { doc: "regex anchored at the start", query: "CommandLine=/^powershell/i" },
    },
  );
});

// sigma-appendix-modifiers.md, "Generic Modifiers": endswith "The value is expected at the end
// of the field's content (replaces e.g. '*\cmd.exe')".
describe("endswith", () => {
  conformance(
    {
      selection: String.raw`    CommandLine|endswith: '\cmd.exe'`,
      match: [{ CommandLine: String.raw`C:\Windows\System32\CMD.EXE` }],
      miss: [{ CommandLine: String.raw`C:\cmd.exe.bak` }, { CommandLine: "xcmd.exe" }],
    },
    {
      splunk: { doc: "*value with \\ doubled in quotes", query: String.raw`CommandLine="*\\cmd.exe"` },
      kql: {
        doc: "endswith is case-insensitive; endswith_cs is not (KQL string operators)",
        query: kql(String.raw`ProcessCommandLine endswith "\\cmd.exe"`),
      },
      lucene: {
        doc: "suffix wildcard, backslash escaped",
        query: String.raw`process.command_line:*\\cmd.exe`,
      },
      esql: {
        doc: "LIKE *value, the backslash escaped for LIKE and for the string",
        query: esql(String.raw`to_lower(process.command_line) like "*\\\\cmd.exe"`),
      },
      eql: { doc: ": with *value", query: eql(String.raw`process.command_line : "*\\cmd.exe"`) },
      "yara-l": {
        doc: "regex anchored at the end",
        query: String.raw`$e.target.process.command_line = /(?s)\\cmd\.exe$/ nocase`,
      },
      logscale: { doc: "regex anchored at the end", query: String.raw`CommandLine=/\\cmd\.exe$/i` },
    },
  );
});

// sigma-appendix-modifiers.md, "Generic Modifiers": all "Normally, lists of values are linked
// with *OR* in the generated query. This modifier changes this to *AND*."
describe("all (with contains)", () => {
  conformance(
    {
      selection: "    CommandLine|contains|all: ['-nop', 'hidden']",
      match: [{ CommandLine: "powershell -w hidden -nop" }],
      miss: [{ CommandLine: "powershell -nop" }],
    },
    {
      splunk: {
        doc: "terms side by side are ANDed (SearchReference: search)",
        query: 'CommandLine="*-nop*" CommandLine="*hidden*"',
      },
      kql: {
        doc: "and",
        query: kql('ProcessCommandLine contains "-nop" and ProcessCommandLine contains "hidden"'),
      },
      lucene: {
        doc: "AND",
        query: String.raw`process.command_line:*\-nop* AND process.command_line:*hidden*`,
      },
      esql: {
        doc: "and",
        query: esql(
          'to_lower(process.command_line) like "*-nop*" and to_lower(process.command_line) like "*hidden*"',
        ),
      },
      eql: {
        doc: "and",
        query: eql('process.command_line : "*-nop*" and process.command_line : "*hidden*"'),
      },
      "yara-l": {
        doc: "and",
        query:
          "$e.target.process.command_line = /(?s)-nop/ nocase and $e.target.process.command_line = /(?s)hidden/ nocase",
      },
      logscale: {
        doc: "filters side by side are ANDed (LogScale query syntax)",
        query: "CommandLine=/-nop/i CommandLine=/hidden/i",
      },
    },
  );
});

// sigma-appendix-modifiers.md, "Generic Modifiers": cased "Values are applied case sensitively.
// Default Sigma behavior is case-insensitive matching."
describe("cased (exact value)", () => {
  conformance(
    {
      selection: "    CommandLine|cased: 'PowerShell'",
      match: [{ CommandLine: "PowerShell" }],
      miss: [{ CommandLine: "powershell" }],
    },
    {
      splunk: {
        doc: "CASE() searches field values case-sensitively (Search Manual: Use CASE() and TERM())",
        query: 'CommandLine=CASE("PowerShell")',
      },
      kql: {
        doc: "== is case-sensitive (KQL string operators)",
        query: kql('ProcessCommandLine == "PowerShell"'),
      },
      lucene: {
        doc: "keyword terms match case-sensitively as they are (as pySigma's Lucene backend writes it)",
        query: "process.command_line:PowerShell",
      },
      esql: {
        doc: "== without to_lower is case-sensitive",
        query: esql('process.command_line == "PowerShell"'),
      },
      eql: {
        doc: "== is case-sensitive, : is not (EQL operators)",
        query: eql('process.command_line == "PowerShell"'),
      },
      "yara-l": {
        doc: "= without nocase is case-sensitive",
        query: '$e.target.process.command_line = "PowerShell"',
      },
      logscale: { doc: "= on a quoted string is case-sensitive", query: 'CommandLine="PowerShell"' },
    },
  );
});

describe("cased with contains", () => {
  conformance(
    {
      selection: "    CommandLine|cased|contains: 'PowerShell'",
      match: [{ CommandLine: "x PowerShell y" }],
      miss: [{ CommandLine: "x powershell y" }],
    },
    {
      splunk: {
        doc: "CASE() takes wildcards (Search Manual: Use CASE() and TERM())",
        query: 'CommandLine=CASE("*PowerShell*")',
      },
      kql: {
        doc: "contains_cs (KQL string operators)",
        query: kql('ProcessCommandLine contains_cs "PowerShell"'),
      },
      lucene: { doc: "wildcard on the keyword as is", query: "process.command_line:*PowerShell*" },
      esql: { doc: "LIKE without to_lower", query: esql('process.command_line like "*PowerShell*"') },
      eql: {
        doc: "like is case-sensitive, like~ is not (EQL operators)",
        query: eql('process.command_line like "*PowerShell*"'),
      },
      "yara-l": { doc: "regex without nocase", query: "$e.target.process.command_line = /(?s)PowerShell/" },
      logscale: { doc: "regex without i", query: "CommandLine=/PowerShell/" },
    },
  );
});

// sigma-appendix-modifiers.md, "String Modifiers": windash "Creates all possible permutations
// of the `-`, `/`, `–` (en dash), `—` (em dash), and `―` (horizontal bar) characters." As
// pySigma, a dash or slash that starts a word is expanded.
describe("windash (with contains)", () => {
  const dashes = [" -enc ", " /enc ", " \u2013enc ", " \u2014enc ", " \u2015enc "];
  conformance(
    {
      selection: "    CommandLine|windash|contains: ' -enc '",
      match: dashes.map((d) => ({ CommandLine: `powershell${d}SQBFAFgA` })),
      miss: [{ CommandLine: "powershell enc x" }, { CommandLine: "powershell +enc x" }],
    },
    {
      splunk: {
        doc: "IN list of the five",
        query: `CommandLine IN (${dashes.map((d) => `"*${d}*"`).join(", ")})`,
      },
      kql: {
        doc: "contains per variant, or",
        query: kql(dashes.map((d) => `ProcessCommandLine contains "${d}"`).join(" or ")),
      },
      lucene: {
        doc: "space, - and / escaped; the Unicode dashes are not reserved",
        query: String.raw`process.command_line:(*\ \-enc\ * OR *\ \/enc\ * OR *\ –enc\ * OR *\ —enc\ * OR *\ ―enc\ *)`,
      },
      esql: {
        doc: "LIKE per variant",
        query: esql(dashes.map((d) => `to_lower(process.command_line) like "*${d}*"`).join(" or ")),
      },
      eql: {
        doc: ": takes a list",
        query: eql(`process.command_line : (${dashes.map((d) => `"*${d}*"`).join(", ")})`),
      },
      "yara-l": {
        doc: "regex per variant, / escaped",
        query: dashes
          .map((d) => `$e.target.process.command_line = /(?s)${d.replace("/", "\\/")}/ nocase`)
          .join(" or "),
      },
      logscale: {
        doc: "regex per variant, / escaped",
        query: dashes.map((d) => `CommandLine=/${d.replace("/", "\\/")}/i`).join(" or "),
      },
    },
  );
});

describe("yara-l: a probe is a whole single-event rule", () => {
  // cloud.google.com/chronicle/docs/detection/yara-l-2-0-syntax: meta, events, condition.
  it("meta, events and condition $e", () => {
    expect(yaralRule("    CommandLine|contains: 'x'")).toBe(
      'rule probe {\n  meta:\n    title = "Probe"\n\n  events:\n    $e.target.process.command_line = /(?s)x/ nocase\n\n  condition:\n    $e\n}',
    );
  });
});
