// Conformance of the string modifiers (contains, startswith, endswith, all, cased, windash) on
// every backend, pinned to the Sigma specification (SigmaHQ/
// sigma-specification, specification/*.md) and to each target's documented operators.
import { describe, expect, it } from "vitest";
import { conformance, yaralRule } from "@/lib/sigma/conformance/modifier-harness";

const kql = (where: string) => `DeviceProcessEvents\n| where ${where}`;
const esql = (where: string) => `from logs-* metadata _id, _index, _version\n| where ${where}`;
const eql = (where: string) => `process where ${where}`;

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

// sigma-rules-specification.md, "Value Modifiers": "A value might also expand into multiple
// values" (windash, base64offset); all ANDs the listed values, so each one's variants stay ORed.
describe("all with windash: variants ORed per value, values ANDed", () => {
  const variants = (flag: string) => ["-", "/", "\u2013", "\u2014", "\u2015"].map((d) => d + flag);
  const [a, b] = [variants("a"), variants("b")];
  const per = (vs: string[], one: (v: string) => string, or: string) => vs.map(one).join(or);
  conformance(
    {
      selection: "    CommandLine|windash|contains|all: ['-a', '-b']",
      match: [{ CommandLine: "x /a \u2014b" }],
      miss: [{ CommandLine: "x /a" }, { CommandLine: "x a b" }],
    },
    {
      splunk: {
        doc: "an IN list per value, side by side",
        query: [a, b].map((vs) => `CommandLine IN (${per(vs, (v) => `"*${v}*"`, ", ")})`).join(" "),
      },
      kql: {
        doc: "(or) and (or)",
        query: kql(
          [a, b]
            .map((vs) => `(${per(vs, (v) => `ProcessCommandLine contains "${v}"`, " or ")})`)
            .join(" and "),
        ),
      },
      lucene: {
        doc: "field:(… OR …) AND field:(… OR …)",
        query: [a, b]
          .map((vs) => `process.command_line:(${per(vs, (v) => `*${v.replace(/^[-/]/, "\\$&")}*`, " OR ")})`)
          .join(" AND "),
      },
      esql: {
        doc: "(or) and (or)",
        query: esql(
          [a, b]
            .map((vs) => `(${per(vs, (v) => `to_lower(process.command_line) like "*${v}*"`, " or ")})`)
            .join(" and "),
        ),
      },
      eql: {
        doc: ": list per value, and",
        query: eql(
          [a, b].map((vs) => `process.command_line : (${per(vs, (v) => `"*${v}*"`, ", ")})`).join(" and "),
        ),
      },
      "yara-l": {
        doc: "(or) and (or)",
        query: [a, b]
          .map(
            (vs) =>
              `(${per(vs, (v) => `$e.target.process.command_line = /(?s)${v.replace("/", "\\/")}/ nocase`, " or ")})`,
          )
          .join(" and "),
      },
      logscale: {
        doc: "(or) groups side by side",
        query: [a, b]
          .map((vs) => `(${per(vs, (v) => `CommandLine=/${v.replace("/", "\\/")}/i`, " or ")})`)
          .join(" "),
      },
    },
  );
});
