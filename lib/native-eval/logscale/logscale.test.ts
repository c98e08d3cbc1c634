// Each case rule, regex rule and function semantics of the LogScale evaluator, pinned to the page
// of the LogScale documentation (library.humio.com) that states it; the test name cites it.
import { describe, expect, it } from "vitest";
import { logscaleEvaluator } from "@/lib/native-eval/logscale";
import type { PlatformEvent } from "@/lib/native-eval/types";

const NOW = new Date("2026-11-29T12:00:00Z");
const ev = (id: string, fields: Record<string, unknown>): PlatformEvent => ({
  __sample: id,
  "@timestamp": "2026-11-29T11:50:00Z",
  "#event_simpleName": "ProcessRollup2",
  ...fields,
});

function run(query: string, events: PlatformEvent[]) {
  const r = logscaleEvaluator.evaluate({ query, sources: [{ name: "falcon", events }], now: NOW });
  if (r.kind !== "evaluated") throw new Error(`not evaluated: ${r.construct}`);
  return r;
}
const matched = (query: string, events: PlatformEvent[]) =>
  [...run(query, events).decisions]
    .filter(([, d]) => d.matched)
    .map(([id]) => id)
    .sort();

describe("field filters (library.humio.com/data-analysis/syntax-operators.html)", () => {
  const events = [
    ev("a", { FileName: "WMIC.exe" }),
    ev("b", { FileName: "wmic.exe" }),
    ev("c", { Other: "x" }),
  ];
  it("field=value matches exactly, including case", () => {
    expect(matched("FileName=wmic.exe", events)).toEqual(["b"]);
    expect(matched('FileName="WMIC.exe"', events)).toEqual(["a"]);
  });
  it("* in a value is a wildcard; field=* means the field exists", () => {
    expect(matched("FileName=*.exe", events)).toEqual(["a", "b"]);
    expect(matched("FileName=*", events)).toEqual(["a", "b"]);
  });
  it("a comparison on a missing field fails, except != which then matches", () => {
    expect(matched("FileName!=wmic.exe", events)).toEqual(["a", "c"]);
    expect(matched("!FileName=*", events)).toEqual(["c"]);
  });
  it("tag filters on #event_simpleName behave like field filters", () => {
    expect(matched("#event_simpleName=ProcessRollup2 FileName=wmic.exe", events)).toEqual(["b"]);
    expect(matched("#event_simpleName=DnsRequest", events)).toEqual([]);
  });
  it("numbers compare numerically with < and >=", () => {
    expect(matched("LogonType >= 10", [ev("x", { LogonType: "10" }), ev("y", { LogonType: "3" })])).toEqual([
      "x",
    ]);
  });
  it("and / or / not, lower or upper case", () => {
    expect(matched("FileName=wmic.exe or Other=x", events)).toEqual(["b", "c"]);
    expect(matched("FileName=*.exe AND NOT FileName=wmic.exe", events)).toEqual(["a"]);
  });
  it("the stage that dropped an event is reported", () => {
    const r = run("#event_simpleName=ProcessRollup2 | FileName=wmic.exe", [
      ev("a", { FileName: "WMIC.exe" }),
    ]);
    expect(r.decisions.get("a")).toEqual({ matched: false, clause: "FileName=wmic.exe" });
  });
});

describe("regular expressions (library.humio.com/data-analysis/syntax-regular-expression.html)", () => {
  const events = [ev("a", { ImageFileName: "\\Device\\HarddiskVolume3\\Windows\\System32\\WMIC.exe" })];
  it("field=/regex/ is unanchored and case-sensitive; the i flag folds case", () => {
    expect(matched("ImageFileName=/wmic\\.exe$/", events)).toEqual([]);
    expect(matched("ImageFileName=/wmic\\.exe$/i", events)).toEqual(["a"]);
    expect(matched("ImageFileName=/System32/", events)).toEqual(["a"]);
  });
  it(". stops at a newline unless the d flag is given (syntax-regex-syntax.html, syntax-regex-flags.html)", () => {
    const e = [ev("n", { CommandLine: "begin\nend" })];
    expect(matched("CommandLine=/begin.end/", e)).toEqual([]);
    expect(matched("CommandLine=/begin.end/d", e)).toEqual(["n"]);
    expect(matched("CommandLine=/^BEGIN.END$/id", e)).toEqual(["n"]);
  });
  it("\\/ in a regex literal is a slash", () => {
    expect(matched("CommandLine=/https?:\\/\\//", [ev("u", { CommandLine: "curl https://x" })])).toEqual([
      "u",
    ]);
  });
  it("named groups in a regex filter become fields", () => {
    const r = run("ImageFileName=/\\\\(?<Exe>[^\\\\]+)$/", events);
    expect(r.rows[0]!.Exe).toBe("WMIC.exe");
  });
  it("regex(): strict=false passes events that do not match (functions-regex.html)", () => {
    const e = [
      ev("a", { CommandLine: "wmic /node:10.0.0.5 process call create x" }),
      ev("b", { CommandLine: "whoami" }),
    ];
    expect(matched('regex("/node:(?<Node>\\\\S+)", field=CommandLine)', e)).toEqual(["a"]);
    expect(matched('regex("/node:(?<Node>\\\\S+)", field=CommandLine, strict=false)', e)).toEqual(["a", "b"]);
  });
});

describe("functions", () => {
  it("in(): exact values, wildcards, ignoreCase (functions-in.html)", () => {
    const e = [ev("a", { S: "C000006A" }), ev("b", { S: "c000006a" })];
    expect(matched('in(S, values=["c000006a"])', e)).toEqual(["b"]);
    expect(matched('in(S, values=["c000006a"], ignoreCase=true)', e)).toEqual(["a", "b"]);
  });
  it("cidr() and its negation (functions-cidr.html)", () => {
    const e = [ev("a", { RemoteAddressIP4: "10.1.2.3" }), ev("b", { RemoteAddressIP4: "8.8.8.8" })];
    expect(matched('!cidr(RemoteAddressIP4, subnet=["10.0.0.0/8"])', e)).toEqual(["b"]);
  });
  it("cidr() takes IPv6 subnets too (functions-cidr.html: used for both IPv4 and IPv6 addresses)", () => {
    const e = [
      ev("a", { RemoteIP: "FE80::1" }),
      ev("b", { RemoteIP: "fec0::1" }),
      ev("c", { RemoteIP: "10.0.0.1" }),
    ];
    expect(matched('cidr(RemoteIP, subnet="fe80::/10")', e)).toEqual(["a"]);
    expect(matched('cidr(RemoteIP, subnet=["0.0.0.0/0", "::/0"])', e)).toEqual(["a", "b", "c"]);
  });
  it("test(): unquoted words are field names (functions-test.html)", () => {
    const e = [ev("a", { x: "bob", y: "bob" }), ev("b", { x: "bob", y: "eve" })];
    expect(matched("test(x == y)", e)).toEqual(["a"]);
  });
  it("case {}: the first matching branch wins, no branch drops the event (syntax-conditional-evaluation-case.html)", () => {
    const e = [ev("a", { n: "1" }), ev("b", { n: "2" }), ev("c", { n: "3" })];
    const r = run('case { n=1 | L := "one"; n=2 | L := "two"; }', e);
    expect(r.rows.map((x) => x.L)).toEqual(["one", "two"]);
    expect(r.decisions.get("c")?.matched).toBe(false);
  });
  it("groupBy(): events lacking a group field are left out; count(distinct) and collect (functions-groupby.html)", () => {
    const e = [ev("a", { aid: "1", U: "x" }), ev("b", { aid: "1", U: "y" }), ev("c", { U: "z" })];
    const r = run("groupBy([aid], function=[count(U, distinct=true, as=Users), collect([U])])", e);
    expect(r.rows).toEqual([{ aid: "1", Users: 2, U: "x\ny" }]);
    expect(r.decisions.get("c")?.matched).toBe(false);
  });
  it("join(): inner by default, include copies fields from the subquery event (functions-join.html)", () => {
    const e = [
      ev("p", { aid: "1", TargetProcessId: "7", ImageFileName: "\\x\\rundll32.exe" }),
      { ...ev("n", { aid: "1", ContextProcessId: "7" }), "#event_simpleName": "NetworkConnectIP4" },
      { ...ev("m", { aid: "1", ContextProcessId: "8" }), "#event_simpleName": "NetworkConnectIP4" },
    ];
    const r = run(
      "#event_simpleName=NetworkConnectIP4 | join({#event_simpleName=ProcessRollup2}, field=[aid, ContextProcessId], key=[aid, TargetProcessId], include=[ImageFileName])",
      e,
    );
    expect(r.rows.map((x) => x.ImageFileName)).toEqual(["\\x\\rundll32.exe"]);
    expect(
      [...r.decisions]
        .filter(([, d]) => d.matched)
        .map(([id]) => id)
        .sort(),
    ).toEqual(["n", "p"]);
  });
  it("formatTime() in UTC and := assignments (functions-formattime.html)", () => {
    const r = run('T := formatTime("%Y-%m-%d %H:%M:%S", field=@timestamp, timezone="UTC")', [ev("a", {})]);
    expect(r.rows[0]!.T).toBe("2026-11-29 11:50:00");
  });
  it("format %x renders a decimal NTSTATUS as hex (functions-format.html)", () => {
    const r = run('H := format("%x", field=SubStatus)', [ev("a", { SubStatus: "3221225578" })]);
    expect(r.rows[0]!.H).toBe("c000006a");
  });
});

describe("never a guess", () => {
  it.each([
    ["ipLocation(RemoteAddressIP4)", "function ipLocation()"],
    ['"free text"', "free-text filter"],
    ["timeChart(function=count())", "function timeChart()"],
  ])("%s is not evaluated", (query, construct) => {
    const r = logscaleEvaluator.evaluate({
      query,
      sources: [{ name: "x", events: [ev("a", { RemoteAddressIP4: "1.2.3.4" })] }],
      now: NOW,
    });
    expect(r).toEqual({ kind: "not-evaluated", construct });
  });
});
