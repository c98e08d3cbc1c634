// Each case, escape and join rule pinned to the Microsoft Learn page that states it.
import { describe, expect, it } from "vitest";
import { evaluateKql } from "@/lib/native-eval/kql";
import { hasTerm } from "@/lib/native-eval/kql/values";

const NOW = new Date("2026-11-29T12:00:00Z");
function run(query: string, tables: Record<string, Record<string, unknown>[]>) {
  const sources = Object.entries(tables).map(([name, events]) => ({
    name,
    events: events.map((e, i) => ({ __sample: `${name}-${i}`, ...e })),
  }));
  const r = evaluateKql({ query, sources, now: NOW });
  if (r.kind !== "evaluated") throw new Error(`not evaluated: ${r.construct}`);
  return r;
}
const matched = (query: string, row: Record<string, unknown>) =>
  run(query, { T: [row] }).decisions.get("T-0")!.matched;

const STRING_OPS = "https://learn.microsoft.com/en-us/kusto/query/datatypes-string-operators";
describe(`string operators (${STRING_OPS})`, () => {
  it("== is case-sensitive, =~ is not", () => {
    expect(matched('T | where FileName == "wmic.exe"', { FileName: "WMIC.exe" })).toBe(false);
    expect(matched('T | where FileName =~ "wmic.exe"', { FileName: "WMIC.exe" })).toBe(true);
    expect(matched('T | where FileName != "wmic.exe"', { FileName: "WMIC.exe" })).toBe(true);
    expect(matched('T | where FileName !~ "wmic.exe"', { FileName: "WMIC.exe" })).toBe(false);
  });
  it("has matches whole terms (maximal alphanumeric runs), case-insensitively", () => {
    expect(hasTerm("North America", "america", false)).toBe(true);
    expect(hasTerm("North America", "amer", false)).toBe(false);
    expect(hasTerm("C:\\Windows\\system32\\lsass.exe", "lsass.exe", false)).toBe(true);
    expect(hasTerm("C:\\Temp\\mylsass.exe", "lsass.exe", false)).toBe(false);
    expect(hasTerm("powershell -enc AAA", "enc", false)).toBe(true);
    expect(hasTerm("powershell -encodedcommand AAA", "enc", false)).toBe(false);
  });
  it("has_cs keeps case; hasprefix and hassuffix relax one end of the term", () => {
    expect(hasTerm("North America", "america", true)).toBe(false);
    expect(hasTerm("North America", "Amer", false, "prefix")).toBe(true);
    expect(hasTerm("North America", "rica", false, "suffix")).toBe(true);
  });
  it("a right side starting or ending with a separator needs no boundary on that end", () => {
    expect(
      matched('T | where Path has @"\\temp\\"', { Path: "C:\\Users\\a\\AppData\\Local\\Temp\\x.exe" }),
    ).toBe(true);
  });
  it("has_any and has_all apply term rules to each value", () => {
    expect(
      matched('T | where C has_any ("mimikatz", "sekurlsa")', {
        C: "privilege::debug sekurlsa::logonpasswords",
      }),
    ).toBe(true);
    expect(matched('T | where C has_all ("sekurlsa", "debug")', { C: "sekurlsa::logonpasswords" })).toBe(
      false,
    );
  });
  it("contains, startswith and endswith ignore case; the _cs forms do not", () => {
    expect(matched('T | where C contains "MINIDUMP"', { C: "comsvcs.dll, MiniDump 688" })).toBe(true);
    expect(matched('T | where C contains_cs "MINIDUMP"', { C: "comsvcs.dll, MiniDump 688" })).toBe(false);
    expect(matched('T | where P startswith @"c:\\windows\\"', { P: "C:\\Windows\\x" })).toBe(true);
    expect(matched('T | where P startswith_cs @"c:\\windows\\"', { P: "C:\\Windows\\x" })).toBe(false);
    expect(matched('T | where P endswith "\\\\LSASS.EXE"', { P: "C:\\Windows\\lsass.exe" })).toBe(true);
    expect(matched('T | where P !endswith "lsass.exe"', { P: "C:\\Windows\\lsass.exe" })).toBe(false);
  });
  it("in is case-sensitive, in~ is not; !in and !in~ negate them", () => {
    expect(matched('T | where F in ("wmic.exe")', { F: "WMIC.exe" })).toBe(false);
    expect(matched('T | where F in~ ("wmic.exe")', { F: "WMIC.exe" })).toBe(true);
    expect(matched('T | where F !in~ ("wmic.exe")', { F: "WMIC.exe" })).toBe(false);
    expect(matched('let l = dynamic(["a.exe", "WMIC.exe"]); T | where F in (l)', { F: "WMIC.exe" })).toBe(
      true,
    );
  });
});

describe("string literals (https://learn.microsoft.com/en-us/kusto/query/scalar-data-types/string)", () => {
  it("@ verbatim strings keep backslashes; regular strings escape them", () => {
    expect(matched('T | where P == @"C:\\Temp"', { P: "C:\\Temp" })).toBe(true);
    expect(matched('T | where P == "C:\\\\Temp"', { P: "C:\\Temp" })).toBe(true);
  });
});

describe("matches regex and extract use RE2 (https://learn.microsoft.com/en-us/kusto/query/re2)", () => {
  it("is case-sensitive unless (?i) is given", () => {
    expect(matched('T | where F matches regex @"\\.dmp$"', { F: "lsass.DMP" })).toBe(false);
    expect(matched('T | where F matches regex @"(?i)\\.dmp$"', { F: "lsass.DMP" })).toBe(true);
  });
  it("extract returns the group, or an empty string without a match", () => {
    const r = run(
      `T | extend A = extract(@'Name="GrantedAccess">([^<]*)<', 1, D), B = extract("x(y)", 1, D)`,
      {
        T: [{ D: '<Data Name="GrantedAccess">0x1410</Data>' }],
      },
    );
    expect(r.rows[0]).toMatchObject({ A: "0x1410", B: "" });
  });
});

describe("null values (https://learn.microsoft.com/en-us/kusto/query/scalar-data-types/null-values)", () => {
  it("comparisons with null are not true, and isempty/isnotempty treat null and empty alike", () => {
    expect(matched("T | where N == 1", { N: null })).toBe(false);
    expect(matched("T | where N != 1", { N: null })).toBe(false);
    expect(matched("T | where isempty(S) and isnull(N)", { S: "", N: null })).toBe(true);
  });
});

describe("time (https://learn.microsoft.com/en-us/kusto/query/ago-function)", () => {
  it("ago() counts back from the evaluation clock; between is inclusive", () => {
    expect(matched("T | where Timestamp > ago(1h)", { Timestamp: new Date("2026-11-29T11:30:00Z") })).toBe(
      true,
    );
    expect(matched("T | where Timestamp > ago(1h)", { Timestamp: new Date("2026-11-29T10:30:00Z") })).toBe(
      false,
    );
    expect(matched("T | where N between (1 .. 3)", { N: 3 })).toBe(true);
    expect(
      matched("T | where Timestamp > datetime(2026-11-29 11:00)", {
        Timestamp: new Date("2026-11-29T11:30:00Z"),
      }),
    ).toBe(true);
  });
});

const JOIN = "https://learn.microsoft.com/en-us/kusto/query/join-operator";
describe(`join kinds (${JOIN})`, () => {
  const tables = {
    L: [
      { k: 1, a: "x" },
      { k: 1, a: "y" },
      { k: 2, a: "z" },
    ],
    R: [
      { k: 1, b: "p" },
      { k: 1, b: "q" },
      { k: 3, b: "r" },
    ],
  };
  const rows = (kind: string) => run(`L | join kind=${kind} (R) on k`, tables).rows;
  it("innerunique (the default) keeps one left row per key", () => {
    expect(rows("innerunique")).toHaveLength(2);
    expect(run("L | join (R) on k", tables).rows).toHaveLength(2);
  });
  it("inner returns every matching pair; clashing right columns get a 1 suffix", () => {
    expect(rows("inner")).toHaveLength(4);
    expect(rows("inner")[0]).toHaveProperty("k1", 1);
  });
  it("leftouter keeps unmatched left rows with empty right columns", () => {
    expect(rows("leftouter")).toHaveLength(5);
  });
  it("leftanti keeps left rows without a match; rightsemi right rows with one", () => {
    expect(rows("leftanti").map((r) => r.a)).toEqual(["z"]);
    expect(rows("rightsemi").map((r) => r.b)).toEqual(["p", "q"]);
  });
  it("fullouter keeps unmatched rows of both sides", () => {
    expect(rows("fullouter")).toHaveLength(6);
  });
  it("a joined row carries the sample ids of both sides", () => {
    const r = run("L | join kind=inner (R) on k", tables);
    expect(r.decisions.get("R-0")!.matched).toBe(true);
    expect(r.decisions.get("R-2")!.matched).toBe(false);
  });
});

describe("summarize (https://learn.microsoft.com/en-us/kusto/query/summarize-operator)", () => {
  it("groups by bin() and aggregates; every grouped event is part of the output row", () => {
    const r = run(
      "T | summarize Events = count(), Hosts = dcount(H), Set = make_set(H), First = min(Ts) by bin(Ts, 1h) | where Hosts >= 2",
      {
        T: [
          { H: "a", Ts: new Date("2026-11-29T11:10:00Z") },
          { H: "b", Ts: new Date("2026-11-29T11:50:00Z") },
          { H: "a", Ts: new Date("2026-11-29T10:10:00Z") },
        ],
      },
    );
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ Events: 2, Hosts: 2, Set: ["a", "b"] });
    expect(r.decisions.get("T-2")).toEqual({ matched: false, clause: "where Hosts >= 2" });
  });
  it("arg_max(x, *) keeps the whole row with the largest x", () => {
    const r = run("T | summarize arg_max(N, *) by K", {
      T: [
        { K: 1, N: 1, V: "a" },
        { K: 1, N: 5, V: "b" },
      ],
    });
    expect(r.rows[0]).toMatchObject({ N: 5, V: "b" });
  });
});

describe("user-defined functions (https://learn.microsoft.com/en-us/kusto/query/let-statement)", () => {
  it("a tabular function runs its body with the arguments bound", () => {
    const q =
      "let f = (start: datetime, stop: datetime) { T | where Ts between (start .. stop) }; f(ago(1h), now())";
    const r = run(q, {
      T: [{ Ts: new Date("2026-11-29T11:30:00Z") }, { Ts: new Date("2026-11-29T09:00:00Z") }],
    });
    expect(r.rows).toHaveLength(1);
  });
  it("a scalar function is evaluated per row", () => {
    expect(
      matched("let pub = (ip: string) { not(ipv4_is_private(ip)) }; T | where pub(Ip)", { Ip: "8.8.8.8" }),
    ).toBe(true);
    expect(
      matched("let pub = (ip: string) { not(ipv4_is_private(ip)) }; T | where pub(Ip)", { Ip: "10.1.2.3" }),
    ).toBe(false);
  });
});

describe("mv-apply (https://learn.microsoft.com/en-us/kusto/query/mv-apply-operator)", () => {
  it("runs the subquery per row over its items; a summarize without by still returns one row per input row", () => {
    const q =
      'T | mv-apply P = Params on (where tostring(P.Name) == "ForwardTo" | summarize Target = take_any(tostring(P.Value)))';
    const r = run(q, {
      T: [
        { Params: [{ Name: "ForwardTo", Value: "x@example.org" }] },
        { Params: [{ Name: "MoveToFolder", Value: "RSS" }] },
      ],
    });
    expect(r.rows.map((x) => x.Target)).toEqual(["x@example.org", null]);
  });
});

describe("never a guess", () => {
  it("an operator outside the subset makes the query not evaluated, naming it", () => {
    const r = evaluateKql({
      query: "T | evaluate bag_unpack(x)",
      sources: [{ name: "T", events: [] }],
      now: NOW,
    });
    expect(r).toEqual({ kind: "not-evaluated", construct: expect.stringContaining("operator 'evaluate'") });
  });
  it("an unknown function makes the query not evaluated", () => {
    const r = evaluateKql({
      query: "T | where geo_info_from_ip_address(ip) == 1",
      sources: [{ name: "T", events: [{ ip: "1" }] }],
      now: NOW,
    });
    expect(r).toEqual({ kind: "not-evaluated", construct: "function geo_info_from_ip_address()" });
  });
});
