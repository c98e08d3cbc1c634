// Each case rule, escape rule and command semantics of the SPL evaluator, pinned to the Splunk
// Search Reference page that states it (the test name cites the page).
import { describe, expect, it } from "vitest";
import { splEvaluator } from "@/lib/native-eval/spl";
import type { PlatformEvent } from "@/lib/native-eval/types";

const NOW = new Date("2026-11-29T12:00:00Z");
const ev = (id: string, fields: Record<string, unknown>): PlatformEvent => ({
  __sample: id,
  _time: "2026-11-29T11:50:00Z",
  index: "main",
  sourcetype: "XmlWinEventLog",
  ...fields,
});

function run(query: string, events: PlatformEvent[], source = "XmlWinEventLog") {
  const r = splEvaluator.evaluate({ query, sources: [{ name: source, events }], now: NOW });
  if (r.kind !== "evaluated") throw new Error(`not evaluated: ${r.construct}`);
  return r;
}
const matched = (query: string, events: PlatformEvent[], source?: string) =>
  [...run(query, events, source).decisions]
    .filter(([, d]) => d.matched)
    .map(([id]) => id)
    .sort();

describe("search command (help.splunk.com .../search-commands/search)", () => {
  const events = [ev("a", { user: "Admin" }), ev("b", { user: "admin" }), ev("c", { other: "x" })];
  it("field values compare case-insensitively", () => {
    expect(matched('index=main user="ADMIN"', events)).toEqual(["a", "b"]);
  });
  it("* is a wildcard and the value must match whole", () => {
    expect(matched("index=main user=adm*", events)).toEqual(["a", "b"]);
    expect(matched("index=main user=dmin", events)).toEqual([]);
  });
  it("field!=value needs the field; NOT field=value also matches events without it (Search Manual: difference between NOT and !=)", () => {
    expect(matched("index=main user!=admin", events)).toEqual([]);
    expect(matched("index=main NOT user=admin", events)).toEqual(["c"]);
  });
  it("IN (...) is an OR of the values, and AND binds tighter than OR", () => {
    expect(matched("index=main user IN (x, ADMIN)", events)).toEqual(["a", "b"]);
    expect(matched("index=main other=x OR user=admin other=y", events)).toEqual(["c"]);
  });
  it("a backslash escapes a backslash in a quoted value (Search Reference: understanding SPL syntax, backslashes)", () => {
    expect(
      matched('index=main path="C:\\\\Windows\\\\*"', [ev("p", { path: "C:\\Windows\\System32\\cmd.exe" })]),
    ).toEqual(["p"]);
  });
  it("a value in CIDR notation matches the IPv4 and IPv6 addresses of the subnet, with = and != (search: IPv4 and IPv6 subnets in CIDR notation)", () => {
    const ips = [
      ev("a", { src: "10.1.2.3" }),
      ev("b", { src: "11.0.0.1" }),
      ev("c", { src: "FE80::1" }),
      ev("d", {}),
    ];
    expect(matched("index=main src=10.0.0.0/8", ips)).toEqual(["a"]);
    expect(matched('index=main src="fe80::/10"', ips)).toEqual(["c"]);
    expect(matched("index=main src!=10.0.0.0/8", ips)).toEqual(["b", "c"]);
  });
  it("field=CASE(value) matches case-sensitively, wildcards kept (Search Manual: use CASE() and TERM() to match phrases)", () => {
    expect(matched("index=main user=CASE(admin)", events)).toEqual(["b"]);
    expect(matched('index=main user=CASE("Ad*")', events)).toEqual(["a"]);
    expect(
      splEvaluator.evaluate({
        query: "index=main user=TERM(admin)",
        sources: [{ name: "s", events }],
        now: NOW,
      }),
    ).toEqual({
      kind: "not-evaluated",
      construct: "TERM() directive",
    });
  });
  it("a bare * matches every event (search: keywords, wildcards)", () => {
    expect(matched("*", events)).toEqual(["a", "b", "c"]);
    expect(matched('* | where user="admin"', events)).toEqual(["b"]);
  });
  it("the clause that dropped an event is reported", () => {
    const r = run('index=main EventCode=4624 user="admin"', [ev("a", { EventCode: 4625, user: "admin" })]);
    expect(r.decisions.get("a")).toEqual({ matched: false, clause: "search EventCode=4624" });
  });
});

describe("where and eval (help.splunk.com .../search-commands/where, .../eval)", () => {
  const events = [ev("a", { user: "Admin" }), ev("b", { user: "admin" })];
  it("strftime() formats _time in UTC; a variable the evaluator does not implement is refused, never left as text (Date and time format variables)", () => {
    expect(matched('index=main | where strftime(_time, "%Y-%m-%d %H")="2026-11-29 11"', events)).toEqual([
      "a",
      "b",
    ]);
    expect(
      splEvaluator.evaluate({
        query: 'index=main | where tonumber(strftime(_time, "%V"))==48',
        sources: [{ name: "s", events }],
        now: NOW,
      }),
    ).toEqual({ kind: "not-evaluated", construct: "strftime %V" });
  });
  it("string comparison in where is case-sensitive", () => {
    expect(matched('index=main | where user="admin"', events)).toEqual(["b"]);
  });
  it("a comparison with a missing field is not true", () => {
    expect(matched('index=main | where missing!="x"', events)).toEqual([]);
  });
  it("like() uses % and _ and is case-sensitive (comparison and conditional functions: like)", () => {
    expect(matched('index=main | where like(user, "a_m%")', events)).toEqual(["b"]);
  });
  it("match() is an unanchored PCRE; (?i) makes it case-insensitive (comparison and conditional functions: match)", () => {
    expect(matched('index=main | where match(user, "dmi")', events)).toEqual(["a", "b"]);
    expect(matched('index=main | where match(user, "^A")', events)).toEqual(["a"]);
    expect(matched('index=main | where match(user, "(?i)^a")', events)).toEqual(["a", "b"]);
  });
  it("backslashes in eval strings: \\\\ is one backslash, other escapes reach the regex (SPL and regular expressions)", () => {
    expect(
      matched('index=main | where match(p, "\\\\\\\\temp\\\\\\\\") AND match(p, "\\d+")', [
        ev("p", { p: "C:\\Temp\\a1.exe" }),
      ]),
    ).toEqual([]);
    expect(
      matched('index=main | where match(p, "(?i)\\\\\\\\temp\\\\\\\\") AND match(p, "\\d+")', [
        ev("p", { p: "C:\\Temp\\a1.exe" }),
      ]),
    ).toEqual(["p"]);
  });
  it("case() returns the first true branch, null when none (comparison and conditional functions: case)", () => {
    const r = run(
      'index=main | eval v=case(user="Admin", "upper", true(), "other") | where v="upper"',
      events,
    );
    expect(r.rows).toHaveLength(1);
    expect(matched('index=main | eval v=case(user="nobody", 1) | where isnull(v)', events)).toEqual([
      "a",
      "b",
    ]);
  });
  it("coalesce, lower, split, mvindex, mvcount, mvjoin, replace and substr (evaluation functions)", () => {
    const r = run(
      'index=main | eval a=coalesce(missing, user), b=lower(a), parts=split("x.y.z", "."), c=mvindex(parts, -1), n=mvcount(parts), j=mvjoin(parts, "-"), r=replace(b, "^ad", "AD"), s=substr(b, 2, 3)',
      [ev("a", { user: "Admin" })],
    );
    expect(r.rows[0]).toMatchObject({
      a: "Admin",
      b: "admin",
      c: "z",
      n: 3,
      j: "x-y-z",
      r: "ADmin",
      s: "dmi",
    });
  });
});

describe("transforming commands", () => {
  const logons = ["h1", "h2", "h3", "h1"].map((h, i) => ev(`e${i}`, { Computer: h, IpAddress: "10.0.0.9" }));
  it("stats dc() BY groups rows and unions their sample ids (stats)", () => {
    expect(
      matched("index=main | stats dc(Computer) AS hosts BY IpAddress | where hosts >= 3", logons),
    ).toEqual(["e0", "e1", "e2", "e3"]);
    expect(
      matched("index=main | stats dc(Computer) AS hosts BY IpAddress | where hosts >= 4", logons),
    ).toEqual([]);
  });
  it("stats leaves out rows whose BY field is null (stats: by-clause)", () => {
    const r = run("index=main | stats count BY missing", logons);
    expect(r.rows).toEqual([]);
  });
  it("eventstats adds the aggregate to each row without grouping them away (eventstats)", () => {
    const r = run("index=main | eventstats count AS n BY Computer | where n > 1", logons);
    expect(r.rows.map((x) => x.Computer)).toEqual(["h1", "h1"]);
  });
  it("rex extracts named groups; no match leaves the row without the field (rex)", () => {
    const r = run('index=main | rex field=url "^https?://(?<host>[^/]+)"', [
      ev("a", { url: "https://x.example/a" }),
      ev("b", { url: "ftp://y" }),
    ]);
    expect(r.rows.map((x) => x.host)).toEqual(["x.example", undefined]);
  });
  it("bin _time span=1h floors to the hour (bin)", () => {
    const r = run("index=main | bin _time span=1h", [ev("a", { _time: "2026-11-29T11:50:00Z" })]);
    expect(r.rows[0]!._time).toBe(Date.parse("2026-11-29T11:00:00Z") / 1000);
  });
  it("join type=left keeps unmatched rows; the default inner join drops them (join)", () => {
    const events = [
      ev("a", { k: "1", kind: "left" }),
      ev("b", { k: "2", kind: "left" }),
      ev("c", { k: "1", kind: "right", extra: "x" }),
    ];
    expect(
      matched(
        "index=main kind=left | join type=left k [ search index=main kind=right | fields k extra ]",
        events,
      ),
    ).toEqual(["a", "b", "c"]);
    expect(
      matched("index=main kind=left | join k [ search index=main kind=right | fields k extra ]", events),
    ).toEqual(["a", "c"]);
  });
});

describe("tstats over a CIM data model (tstats)", () => {
  const rows = [
    {
      __sample: "a",
      _time: "2026-11-29T11:50:00Z",
      "Processes.process_name": "WMIC.exe",
      "Processes.dest": "h1",
    },
    {
      __sample: "b",
      _time: "2026-11-29T11:50:00Z",
      "Processes.process_name": "cmd.exe",
      "Processes.dest": "h1",
    },
  ];
  it("WHERE compares like search (case-insensitive) and BY names the prefixed fields", () => {
    const r = splEvaluator.evaluate({
      query:
        '| tstats count FROM datamodel=Endpoint.Processes WHERE Processes.process_name="wmic.exe" BY Processes.dest | rename Processes.* AS *',
      sources: [{ name: "datamodel=Endpoint.Processes", events: rows }],
      now: NOW,
    });
    expect(r.kind).toBe("evaluated");
    if (r.kind !== "evaluated") return;
    expect(r.rows).toEqual([{ dest: "h1", count: 1 }]);
    expect(r.decisions.get("b")?.matched).toBe(false);
  });
  it("prestats=t is not evaluated", () => {
    const r = splEvaluator.evaluate({
      query: "| tstats prestats=t count FROM datamodel=Endpoint.Processes",
      sources: [],
      now: NOW,
    });
    expect(r).toEqual({ kind: "not-evaluated", construct: "tstats prestats=t" });
  });
});

describe("never a guess", () => {
  it.each([
    ["index=main | iplocation src", "command iplocation"],
    ["index=main | lookup assets ip", "command lookup"],
    ["index=main | eval x=md5(y)", "eval function md5()"],
    ["index=main `my_macro`", "macro (`...`)"],
    ["index=main mimikatz", "free-text search term mimikatz"],
    ["index=main NOT [| inputlookup allow.csv | fields host]", "subsearch [...] inside search"],
  ])("%s is not evaluated", (query, construct) => {
    const r = splEvaluator.evaluate({
      query,
      sources: [{ name: "x", events: [ev("a", { y: "1" })] }],
      now: NOW,
    });
    expect(r).toEqual({ kind: "not-evaluated", construct });
  });
});
