// Conformance of the condition forms, pinned to the Sigma rules specification
// (SigmaHQ/sigma-specification, specification/sigma-rules-specification.md, sections
// "Detection" > "Lists", "Maps", "Special Field Values", "Keywords search" and "Condition") and to
// each target's documented semantics. Every form has the exact query (or the exact refusal) per
// backend, each row naming the documentation that makes it right, and one event the engine must
// match and one it must not.
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { convertRule } from "@/lib/sigma/backends/convert";
import type { Target } from "@/lib/sigma/backends/types";
import { evaluateEvent } from "@/lib/sigma/engine/evaluate";
import type { DetectionRule } from "@/lib/sigma/engine/model";
import { parseSigma } from "@/lib/sigma/engine/parse";

const logsource = { product: "windows", category: "process_creation" };

function compile(detection: Record<string, unknown>): DetectionRule {
  const { rules, diagnostics } = parseSigma(stringify({ title: "t", logsource, detection }));
  expect(diagnostics).toEqual([]);
  return rules[0] as DetectionRule;
}
const output = (rule: DetectionRule, target: Target) => {
  const r = convertRule(rule, target);
  return "error" in r ? `refused: ${r.error}` : r.query;
};

// Each target's fixed frame around the condition, from its default pipeline for
// windows/process_creation (Image, CommandLine and User map to these fields).
const kql = (where: string) => `DeviceProcessEvents\n| where ${where}`;
const esql = (where: string) =>
  `from logs-windows.sysmon_operational-* metadata _id, _index, _version\n| where ${where}`;
const eql = (where: string) => `process where ${where}`;
const yaral = (events: string) =>
  `rule t {\n  meta:\n    title = "t"\n\n  events:\n    $e.metadata.event_type = "PROCESS_LAUNCH"\n    ${events}\n\n  condition:\n    $e\n}`;
const logscale = (filter: string) => `#event_simpleName=ProcessRollup2\n| event_platform=Win\n| ${filter}`;

/** [target, the documented semantics that make the output right, the exact output]. */
type Row = [Target, string, string];

// The documentation each row leans on, by target.
const DOC = {
  splunk:
    "Splunk Search Reference, Boolean expressions: NOT, then OR, then AND (implicit between terms) — OR binds tighter, so groups carry parentheses",
  kql: "KQL logical operators: and binds tighter than or; not() is a function",
  lucene:
    "Elasticsearch query_string: AND/OR/NOT do not honour the usual precedence, so every mixed group is parenthesised",
  esql: "ES|QL logical operators NOT > AND > OR; to_lower() because == is case-sensitive",
  eql: "EQL syntax: not > and > or; `:` is the case-insensitive equality",
  "yara-l": "YARA-L 2.0 events section: boolean expressions with not/and/or over one event variable; nocase",
  logscale:
    "LogScale operators: a space is and; groups are parenthesised; a comparison on a missing field fails (so not(...) holds)",
} as const;

function conforms(
  detection: Record<string, unknown>,
  rows: Row[],
  events: { match: Record<string, unknown>; miss: Record<string, unknown> },
) {
  const rule = compile(detection);
  it.each(rows)("%s (%s)", (target, _doc, expected) => expect(output(rule, target)).toBe(expected));
  it("engine: matches the matching event, not the other", () => {
    expect(evaluateEvent(rule, events.match).matched).toBe(true);
    expect(evaluateEvent(rule, events.miss).matched).toBe(false);
  });
}

const A = { Image: "a.exe" };
const B = { CommandLine: "b" };
const C = { User: "c" };

describe("and (Condition: `keywords1 or keywords2`, Logical AND/OR)", () => {
  conforms(
    { a: A, b: B, condition: "a and b" },
    [
      ["splunk", DOC.splunk, 'process_path="a.exe" process="b"'],
      ["kql", DOC.kql, kql('FolderPath =~ "a.exe" and ProcessCommandLine =~ "b"')],
      ["lucene", DOC.lucene, "process.executable:a.exe AND process.command_line:b"],
      [
        "esql",
        DOC.esql,
        esql('to_lower(process.executable) == "a.exe" and to_lower(process.command_line) == "b"'),
      ],
      ["eql", DOC.eql, eql('process.executable : "a.exe" and process.command_line : "b"')],
      [
        "yara-l",
        DOC["yara-l"],
        yaral(
          '($e.target.process.file.full_path = "a.exe" nocase and $e.target.process.command_line = "b" nocase)',
        ),
      ],
      ["logscale", DOC.logscale, logscale("ImageFileName=/^a\\.exe$/i CommandLine=/^b$/i")],
    ],
    { match: { Image: "A.EXE", CommandLine: "b" }, miss: { Image: "a.exe", CommandLine: "c" } },
  );
});

describe("or (Condition: Logical AND/OR)", () => {
  conforms(
    { a: A, b: B, condition: "a or b" },
    [
      ["splunk", DOC.splunk, 'process_path="a.exe" OR process="b"'],
      ["kql", DOC.kql, kql('FolderPath =~ "a.exe" or ProcessCommandLine =~ "b"')],
      ["lucene", DOC.lucene, "process.executable:a.exe OR process.command_line:b"],
      [
        "esql",
        DOC.esql,
        esql('to_lower(process.executable) == "a.exe" or to_lower(process.command_line) == "b"'),
      ],
      ["eql", DOC.eql, eql('process.executable : "a.exe" or process.command_line : "b"')],
      [
        "yara-l",
        DOC["yara-l"],
        yaral(
          '($e.target.process.file.full_path = "a.exe" nocase or $e.target.process.command_line = "b" nocase)',
        ),
      ],
      ["logscale", DOC.logscale, logscale("ImageFileName=/^a\\.exe$/i or CommandLine=/^b$/i")],
    ],
    { match: { Image: "x", CommandLine: "B" }, miss: { Image: "x", CommandLine: "c" } },
  );
});

describe("not (Condition: Negation with 'not', `keywords and not filters`)", () => {
  conforms(
    { a: A, b: B, condition: "a and not b" },
    [
      ["splunk", DOC.splunk, 'process_path="a.exe" NOT process="b"'],
      ["kql", DOC.kql, kql('FolderPath =~ "a.exe" and not(ProcessCommandLine =~ "b")')],
      ["lucene", DOC.lucene, "process.executable:a.exe AND NOT process.command_line:b"],
      [
        "esql",
        "ES|QL: a comparison on a missing field is NULL, NOT NULL is NULL and WHERE drops it (Working with NULL values), so the negation coalesces to false first",
        esql(
          'to_lower(process.executable) == "a.exe" and not coalesce(to_lower(process.command_line) == "b", false)',
        ),
      ],
      ["eql", DOC.eql, eql('process.executable : "a.exe" and not process.command_line : "b"')],
      [
        "yara-l",
        DOC["yara-l"],
        yaral(
          '($e.target.process.file.full_path = "a.exe" nocase and not $e.target.process.command_line = "b" nocase)',
        ),
      ],
      ["logscale", DOC.logscale, logscale("ImageFileName=/^a\\.exe$/i not CommandLine=/^b$/i")],
    ],
    // A missing field does not match b, so `not b` holds: the event ES|QL's NULL would drop.
    { match: { Image: "a.exe" }, miss: { Image: "a.exe", CommandLine: "B" } },
  );
});

describe("precedence (Condition: Operator Precedence, least to most binding: or, and, not)", () => {
  // `not a and b or c` is ((not a) and b) or c.
  conforms(
    { a: A, b: B, c: C, condition: "not a and b or c" },
    [
      ["splunk", DOC.splunk, '(NOT process_path="a.exe" process="b") OR user="c"'],
      [
        "kql",
        DOC.kql,
        kql('(not(FolderPath =~ "a.exe") and ProcessCommandLine =~ "b") or AccountName =~ "c"'),
      ],
      ["lucene", DOC.lucene, "(NOT process.executable:a.exe AND process.command_line:b) OR user.name:c"],
      [
        "esql",
        DOC.esql,
        esql(
          '(not coalesce(to_lower(process.executable) == "a.exe", false) and to_lower(process.command_line) == "b") or to_lower(user.name) == "c"',
        ),
      ],
      [
        "eql",
        DOC.eql,
        eql('(not process.executable : "a.exe" and process.command_line : "b") or user.name : "c"'),
      ],
      [
        "yara-l",
        DOC["yara-l"],
        yaral(
          '((not $e.target.process.file.full_path = "a.exe" nocase and $e.target.process.command_line = "b" nocase) or $e.principal.user.userid = "c" nocase)',
        ),
      ],
      [
        "logscale",
        DOC.logscale,
        logscale("(not ImageFileName=/^a\\.exe$/i CommandLine=/^b$/i) or UserName=/^c$/i"),
      ],
      // `not a and (b or c)` would refuse this event; the specification's precedence matches it.
    ],
    { match: { Image: "a.exe", User: "c" }, miss: { Image: "a.exe", CommandLine: "b" } },
  );
});

describe("parentheses (Condition: Brackets, `selection1 and (keywords1 or keywords2)`)", () => {
  conforms(
    { a: A, b: B, c: C, condition: "a and (b or c)" },
    [
      ["splunk", DOC.splunk, 'process_path="a.exe" (process="b" OR user="c")'],
      ["kql", DOC.kql, kql('FolderPath =~ "a.exe" and (ProcessCommandLine =~ "b" or AccountName =~ "c")')],
      ["lucene", DOC.lucene, "process.executable:a.exe AND (process.command_line:b OR user.name:c)"],
      [
        "esql",
        DOC.esql,
        esql(
          'to_lower(process.executable) == "a.exe" and (to_lower(process.command_line) == "b" or to_lower(user.name) == "c")',
        ),
      ],
      [
        "eql",
        DOC.eql,
        eql('process.executable : "a.exe" and (process.command_line : "b" or user.name : "c")'),
      ],
      [
        "yara-l",
        DOC["yara-l"],
        yaral(
          '($e.target.process.file.full_path = "a.exe" nocase and ($e.target.process.command_line = "b" nocase or $e.principal.user.userid = "c" nocase))',
        ),
      ],
      [
        "logscale",
        DOC.logscale,
        logscale("ImageFileName=/^a\\.exe$/i (CommandLine=/^b$/i or UserName=/^c$/i)"),
      ],
      // Without the brackets (`a and b or c`) this event would match through c.
    ],
    { match: { Image: "a.exe", User: "c" }, miss: { Image: "x", User: "c" } },
  );
});

describe("1 of pattern (Condition: 1/all of search-identifier-pattern, `1 of selection* and keywords`)", () => {
  conforms(
    { sel_a: A, sel_b: B, other: C, condition: "1 of sel_* and other" },
    [
      ["splunk", DOC.splunk, '(process_path="a.exe" OR process="b") user="c"'],
      ["kql", DOC.kql, kql('(FolderPath =~ "a.exe" or ProcessCommandLine =~ "b") and AccountName =~ "c"')],
      ["lucene", DOC.lucene, "(process.executable:a.exe OR process.command_line:b) AND user.name:c"],
      [
        "esql",
        DOC.esql,
        esql(
          '(to_lower(process.executable) == "a.exe" or to_lower(process.command_line) == "b") and to_lower(user.name) == "c"',
        ),
      ],
      [
        "eql",
        DOC.eql,
        eql('(process.executable : "a.exe" or process.command_line : "b") and user.name : "c"'),
      ],
      [
        "yara-l",
        DOC["yara-l"],
        yaral(
          '(($e.target.process.file.full_path = "a.exe" nocase or $e.target.process.command_line = "b" nocase) and $e.principal.user.userid = "c" nocase)',
        ),
      ],
      [
        "logscale",
        DOC.logscale,
        logscale("(ImageFileName=/^a\\.exe$/i or CommandLine=/^b$/i) UserName=/^c$/i"),
      ],
    ],
    { match: { CommandLine: "b", User: "c" }, miss: { Image: "a.exe", CommandLine: "b" } },
  );
});

describe("all of pattern (Condition: `all of selection*`)", () => {
  conforms(
    { sel_a: A, sel_b: B, other: C, condition: "all of sel_* or other" },
    [
      ["splunk", DOC.splunk, '(process_path="a.exe" process="b") OR user="c"'],
      ["kql", DOC.kql, kql('(FolderPath =~ "a.exe" and ProcessCommandLine =~ "b") or AccountName =~ "c"')],
      ["lucene", DOC.lucene, "(process.executable:a.exe AND process.command_line:b) OR user.name:c"],
      [
        "esql",
        DOC.esql,
        esql(
          '(to_lower(process.executable) == "a.exe" and to_lower(process.command_line) == "b") or to_lower(user.name) == "c"',
        ),
      ],
      [
        "eql",
        DOC.eql,
        eql('(process.executable : "a.exe" and process.command_line : "b") or user.name : "c"'),
      ],
      [
        "yara-l",
        DOC["yara-l"],
        yaral(
          '(($e.target.process.file.full_path = "a.exe" nocase and $e.target.process.command_line = "b" nocase) or $e.principal.user.userid = "c" nocase)',
        ),
      ],
      [
        "logscale",
        DOC.logscale,
        logscale("(ImageFileName=/^a\\.exe$/i CommandLine=/^b$/i) or UserName=/^c$/i"),
      ],
    ],
    { match: { Image: "a.exe", CommandLine: "b" }, miss: { Image: "a.exe", User: "x" } },
  );
});

describe("1 of them (Condition: 1/all of them, identifiers starting with `_` excluded)", () => {
  conforms(
    { a: A, b: B, _c: C, condition: "1 of them" },
    [
      ["splunk", DOC.splunk, 'process_path="a.exe" OR process="b"'],
      ["kql", DOC.kql, kql('FolderPath =~ "a.exe" or ProcessCommandLine =~ "b"')],
      ["lucene", DOC.lucene, "process.executable:a.exe OR process.command_line:b"],
      [
        "esql",
        DOC.esql,
        esql('to_lower(process.executable) == "a.exe" or to_lower(process.command_line) == "b"'),
      ],
      ["eql", DOC.eql, eql('process.executable : "a.exe" or process.command_line : "b"')],
      [
        "yara-l",
        DOC["yara-l"],
        yaral(
          '($e.target.process.file.full_path = "a.exe" nocase or $e.target.process.command_line = "b" nocase)',
        ),
      ],
      ["logscale", DOC.logscale, logscale("ImageFileName=/^a\\.exe$/i or CommandLine=/^b$/i")],
      // `_c` alone does not fire: "A search identifier `_example` wouldn't be included".
    ],
    { match: { CommandLine: "b" }, miss: { User: "c" } },
  );
});

describe("all of them (Condition: 1/all of them, `all of them` is AND over identifiers not starting with `_`)", () => {
  conforms(
    { a: A, b: B, _c: C, condition: "all of them" },
    [
      ["splunk", DOC.splunk, 'process_path="a.exe" process="b"'],
      ["kql", DOC.kql, kql('FolderPath =~ "a.exe" and ProcessCommandLine =~ "b"')],
      ["lucene", DOC.lucene, "process.executable:a.exe AND process.command_line:b"],
      [
        "esql",
        DOC.esql,
        esql('to_lower(process.executable) == "a.exe" and to_lower(process.command_line) == "b"'),
      ],
      ["eql", DOC.eql, eql('process.executable : "a.exe" and process.command_line : "b"')],
      [
        "yara-l",
        DOC["yara-l"],
        yaral(
          '($e.target.process.file.full_path = "a.exe" nocase and $e.target.process.command_line = "b" nocase)',
        ),
      ],
      ["logscale", DOC.logscale, logscale("ImageFileName=/^a\\.exe$/i CommandLine=/^b$/i")],
      // The event lacks User: `_c` is not required.
    ],
    { match: { Image: "a.exe", CommandLine: "b" }, miss: { Image: "a.exe", User: "c" } },
  );
});

describe('condition list (Condition: "The condition can be a list ... They are logically linked with OR")', () => {
  conforms(
    { a: A, b: B, condition: ["a", "b"] },
    [
      ["splunk", DOC.splunk, 'process_path="a.exe" OR process="b"'],
      ["kql", DOC.kql, kql('FolderPath =~ "a.exe" or ProcessCommandLine =~ "b"')],
      ["lucene", DOC.lucene, "process.executable:a.exe OR process.command_line:b"],
      [
        "esql",
        DOC.esql,
        esql('to_lower(process.executable) == "a.exe" or to_lower(process.command_line) == "b"'),
      ],
      ["eql", DOC.eql, eql('process.executable : "a.exe" or process.command_line : "b"')],
      [
        "yara-l",
        DOC["yara-l"],
        yaral(
          '($e.target.process.file.full_path = "a.exe" nocase or $e.target.process.command_line = "b" nocase)',
        ),
      ],
      ["logscale", DOC.logscale, logscale("ImageFileName=/^a\\.exe$/i or CommandLine=/^b$/i")],
    ],
    { match: { CommandLine: "b" }, miss: { CommandLine: "c" } },
  );
});

describe("list of values (Lists: values \"are linked with a logical 'OR'\")", () => {
  conforms(
    { sel: { Image: ["a.exe", "b.exe"] }, condition: "sel" },
    [
      [
        "splunk",
        "Splunk search: field IN (values) is an OR of field=value",
        'process_path IN ("a.exe", "b.exe")',
      ],
      ["kql", "KQL in~: case-insensitive membership", kql('FolderPath in~ ("a.exe", "b.exe")')],
      [
        "lucene",
        "query_string field:(a OR b) groups terms on one field",
        "process.executable:(a.exe OR b.exe)",
      ],
      [
        "esql",
        "ES|QL IN over lower-cased values",
        esql('to_lower(process.executable) in ("a.exe", "b.exe")'),
      ],
      [
        "eql",
        "EQL `:` with a list matches any of its values",
        eql('process.executable : ("a.exe", "b.exe")'),
      ],
      [
        "yara-l",
        DOC["yara-l"],
        yaral(
          '($e.target.process.file.full_path = "a.exe" nocase or $e.target.process.file.full_path = "b.exe" nocase)',
        ),
      ],
      ["logscale", DOC.logscale, logscale("ImageFileName=/^a\\.exe$/i or ImageFileName=/^b\\.exe$/i")],
    ],
    { match: { Image: "B.exe" }, miss: { Image: "c.exe" } },
  );
});

describe("map (Maps: \"All elements of a map are joined with a logical 'AND'\")", () => {
  conforms(
    { sel: { ...A, ...B, ...C }, condition: "sel" },
    [
      ["splunk", DOC.splunk, 'process_path="a.exe" process="b" user="c"'],
      ["kql", DOC.kql, kql('FolderPath =~ "a.exe" and ProcessCommandLine =~ "b" and AccountName =~ "c"')],
      ["lucene", DOC.lucene, "process.executable:a.exe AND process.command_line:b AND user.name:c"],
      [
        "esql",
        DOC.esql,
        esql(
          'to_lower(process.executable) == "a.exe" and to_lower(process.command_line) == "b" and to_lower(user.name) == "c"',
        ),
      ],
      [
        "eql",
        DOC.eql,
        eql('process.executable : "a.exe" and process.command_line : "b" and user.name : "c"'),
      ],
      [
        "yara-l",
        DOC["yara-l"],
        yaral(
          '($e.target.process.file.full_path = "a.exe" nocase and $e.target.process.command_line = "b" nocase and $e.principal.user.userid = "c" nocase)',
        ),
      ],
      ["logscale", DOC.logscale, logscale("ImageFileName=/^a\\.exe$/i CommandLine=/^b$/i UserName=/^c$/i")],
    ],
    { match: { Image: "a.exe", CommandLine: "b", User: "C" }, miss: { Image: "a.exe", CommandLine: "b" } },
  );
});

describe("list of maps (Lists: \"All map items of a list are logically linked with 'OR'\")", () => {
  conforms(
    { sel: [{ ...A, ...B }, C], condition: "sel" },
    [
      ["splunk", DOC.splunk, '(process_path="a.exe" process="b") OR user="c"'],
      ["kql", DOC.kql, kql('(FolderPath =~ "a.exe" and ProcessCommandLine =~ "b") or AccountName =~ "c"')],
      ["lucene", DOC.lucene, "(process.executable:a.exe AND process.command_line:b) OR user.name:c"],
      [
        "esql",
        DOC.esql,
        esql(
          '(to_lower(process.executable) == "a.exe" and to_lower(process.command_line) == "b") or to_lower(user.name) == "c"',
        ),
      ],
      [
        "eql",
        DOC.eql,
        eql('(process.executable : "a.exe" and process.command_line : "b") or user.name : "c"'),
      ],
      [
        "yara-l",
        DOC["yara-l"],
        yaral(
          '(($e.target.process.file.full_path = "a.exe" nocase and $e.target.process.command_line = "b" nocase) or $e.principal.user.userid = "c" nocase)',
        ),
      ],
      [
        "logscale",
        DOC.logscale,
        logscale("(ImageFileName=/^a\\.exe$/i CommandLine=/^b$/i) or UserName=/^c$/i"),
      ],
    ],
    { match: { User: "c" }, miss: { Image: "a.exe", CommandLine: "x" } },
  );
});

describe('null (Special Field Values: "To get an expression that says `not null` ... negate it in the condition")', () => {
  // The specification's own example: `selection and not filter` with `filter: { Field: null }`.
  conforms(
    { a: A, f: { User: null }, condition: "a and not f" },
    [
      // Issue 17 fixed Lucene's `NOT NOT` for exists; a negated null printed it again (and Splunk
      // `NOT NOT user=*`): not(null) is the field being present.
      ["splunk", "Splunk search: field=* matches events that have the field", 'process_path="a.exe" user=*'],
      [
        "kql",
        "KQL isempty(): empty or null; not() of it",
        kql('FolderPath =~ "a.exe" and not(isempty(AccountName))'),
      ],
      [
        "lucene",
        "query_string _exists_:field; one NOT per clause (NOT NOT is a parse error)",
        "process.executable:a.exe AND _exists_:user.name",
      ],
      [
        "esql",
        "ES|QL IS NULL, negated",
        esql('to_lower(process.executable) == "a.exe" and not user.name is null'),
      ],
      ["eql", "EQL == null, negated", eql('process.executable : "a.exe" and not user.name == null')],
      [
        "yara-l",
        "UDM has no null: an absent string field reads as the empty string",
        yaral('($e.target.process.file.full_path = "a.exe" nocase and not $e.principal.user.userid = "")'),
      ],
      [
        "logscale",
        "LogScale operators: foo != * finds events without foo",
        logscale('ImageFileName=/^a\\.exe$/i not (UserName="" or UserName!=*)'),
      ],
    ],
    { match: { Image: "a.exe", User: "x" }, miss: { Image: "a.exe" } },
  );
});

describe('null in a selection (Special Field Values: "A null value is defined with `null`")', () => {
  conforms(
    { sel: { ...A, User: null }, condition: "sel" },
    [
      [
        "splunk",
        "Splunk search: NOT field=* finds events without the field",
        'process_path="a.exe" NOT user=*',
      ],
      ["kql", "KQL isempty()", kql('FolderPath =~ "a.exe" and isempty(AccountName)')],
      ["lucene", "query_string NOT _exists_:field", "process.executable:a.exe AND NOT _exists_:user.name"],
      ["esql", "ES|QL IS NULL", esql('to_lower(process.executable) == "a.exe" and user.name is null')],
      ["eql", "EQL == null", eql('process.executable : "a.exe" and user.name == null')],
      [
        "yara-l",
        "UDM has no null: an absent string field reads as the empty string",
        yaral('($e.target.process.file.full_path = "a.exe" nocase and $e.principal.user.userid = "")'),
      ],
      [
        "logscale",
        "LogScale: foo != * finds events without foo",
        logscale('ImageFileName=/^a\\.exe$/i (UserName="" or UserName!=*)'),
      ],
    ],
    { match: { Image: "a.exe" }, miss: { Image: "a.exe", User: "x" } },
  );
});

describe("empty string (Special Field Values: \"An empty value is defined with `''`\")", () => {
  conforms(
    { sel: { ...A, User: "" }, condition: "sel" },
    [
      ["splunk", 'Splunk search: field="" (as pySigma)', 'process_path="a.exe" user=""'],
      ["kql", DOC.kql, kql('FolderPath =~ "a.exe" and AccountName =~ ""')],
      ["lucene", "query_string: a quoted empty phrase", 'process.executable:a.exe AND user.name:""'],
      ["esql", DOC.esql, esql('to_lower(process.executable) == "a.exe" and to_lower(user.name) == ""')],
      ["eql", DOC.eql, eql('process.executable : "a.exe" and user.name : ""')],
      [
        "yara-l",
        DOC["yara-l"],
        yaral('($e.target.process.file.full_path = "a.exe" nocase and $e.principal.user.userid = "" nocase)'),
      ],
      [
        "logscale",
        "LogScale: an anchored empty regex",
        logscale("ImageFileName=/^a\\.exe$/i UserName=/^$/i"),
      ],
      // An empty value is not absent: the field must be there, empty.
    ],
    { match: { Image: "a.exe", User: "" }, miss: { Image: "a.exe" } },
  );
});

describe('keywords (Keywords search: "searching for keywords across an entire event"; a list is OR)', () => {
  conforms(
    { keywords: ["evil", "bad thing"], condition: "keywords" },
    [
      ["splunk", "Splunk search: quoted terms match the raw event", '"evil" OR "bad thing"'],
      [
        "kql",
        "KQL where * contains: a substring of any column",
        kql('* contains "evil" or * contains "bad thing"'),
      ],
      ["lucene", "query_string default fields, wrapped in * as pySigma", "*evil* OR *bad\\ thing*"],
      [
        "esql",
        "ES|QL has no full-text field",
        "refused: ES|QL has no field-less keyword search in a where clause; name the field the keyword is in",
      ],
      [
        "eql",
        "EQL has no full-text field",
        "refused: EQL has no field-less keyword search; name the field the keyword is in",
      ],
      [
        "yara-l",
        "YARA-L matches UDM fields only",
        "refused: YARA-L matches UDM fields and has no full-text keyword search; name the field the keyword is in",
      ],
      [
        "logscale",
        "LogScale @rawstring holds the raw event",
        logscale("@rawstring=/evil/i or @rawstring=/bad thing/i"),
      ],
    ],
    { match: { CommandLine: "run the BAD THING now" }, miss: { CommandLine: "bad" } },
  );
});

describe("keywords with |all (Keywords search: \"To have a **and** operator, we use the `'|all':` modifier\")", () => {
  conforms(
    { keywords: { "|all": ["evil", "bad thing"] }, condition: "keywords" },
    [
      ["splunk", DOC.splunk, '"evil" "bad thing"'],
      ["kql", DOC.kql, kql('* contains "evil" and * contains "bad thing"')],
      ["lucene", DOC.lucene, "*evil* AND *bad\\ thing*"],
      [
        "esql",
        "ES|QL has no full-text field",
        "refused: ES|QL has no field-less keyword search in a where clause; name the field the keyword is in",
      ],
      [
        "eql",
        "EQL has no full-text field",
        "refused: EQL has no field-less keyword search; name the field the keyword is in",
      ],
      [
        "yara-l",
        "YARA-L matches UDM fields only",
        "refused: YARA-L matches UDM fields and has no full-text keyword search; name the field the keyword is in",
      ],
      ["logscale", DOC.logscale, logscale("@rawstring=/evil/i @rawstring=/bad thing/i")],
    ],
    { match: { CommandLine: "evil", User: "a bad thing" }, miss: { CommandLine: "evil" } },
  );
});
