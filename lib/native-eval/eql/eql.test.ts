import { describe, expect, it } from "vitest";
import { eqlEvaluator } from "@/lib/native-eval/eql";
import type { PlatformEvent } from "@/lib/native-eval/types";

// Each case pins a rule of Elastic's EQL syntax reference:
// https://www.elastic.co/guide/en/elasticsearch/reference/current/eql-syntax.html
const SYNTAX = "eql-syntax.html";

function run(query: string, events: PlatformEvent[]) {
  const result = eqlEvaluator.evaluate({
    query,
    sources: [{ name: "logs-*", events: events.map((e, i) => ({ __sample: `e${i}`, ...e })) }],
    now: new Date("2026-11-29T12:00:00Z"),
  });
  if (result.kind !== "evaluated") throw new Error(`not evaluated: ${result.construct}`);
  return events.map((_, i) => result.decisions.get(`e${i}`)!.matched);
}

const proc = (fields: PlatformEvent): PlatformEvent => ({ "event.category": ["process"], ...fields });

describe("EQL evaluator", () => {
  it(`${SYNTAX}#eql-syntax-match-any-condition: ':' is case-insensitive and reads * and ? as wildcards`, () => {
    const q = 'process where process.executable : "?:\\\\Windows\\\\System32\\\\*.EXE"';
    expect(
      run(q, [
        proc({ "process.executable": "C:\\Windows\\System32\\wmic.exe" }),
        proc({ "process.executable": "C:\\Windows\\SysWOW64\\wmic.exe" }),
        proc({ "process.executable": "CD:\\Windows\\System32\\wmic.exe" }),
      ]),
    ).toEqual([true, false, false]);
    // Regex syntax characters are literal in a wildcard pattern.
    expect(
      run('process where process.command_line : "*Get-ADTrust (x.y[1])*"', [
        proc({ "process.command_line": "Get-ADTrust (x.y[1]) -Filter *" }),
      ]),
    ).toEqual([true]);
  });

  it("eql-function-ref#eql-fn-cidrmatch: cidrMatch() is true for an IPv4 or IPv6 address in any block", () => {
    const net = (ip?: string): PlatformEvent => ({
      "event.category": ["network"],
      ...(ip ? { "destination.ip": ip } : {}),
    });
    const docs = [net("10.1.2.3"), net("192.168.0.9"), net("11.0.0.1"), net("fe80::1"), net()];
    expect(run('network where cidrMatch(destination.ip, "10.0.0.0/8", "192.168.0.0/16")', docs)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(run('network where cidrMatch(destination.ip, "fe80::/10")', docs)).toEqual([
      false,
      false,
      false,
      true,
      false,
    ]);
    expect(run('network where not cidrMatch(destination.ip, "10.0.0.0/8")', docs)).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it(`${SYNTAX}#eql-syntax-comparison-operators: '==' and 'in' are case-sensitive, 'in~' is not`, () => {
    const docs = [proc({ "process.name": "WMIC.exe" }), proc({ "process.name": "wmic.exe" })];
    expect(run('process where process.name == "wmic.exe"', docs)).toEqual([false, true]);
    expect(run('process where process.name in ("wmic.exe", "x")', docs)).toEqual([false, true]);
    expect(run('process where process.name in~ ("wmic.exe", "x")', docs)).toEqual([true, true]);
    expect(run('process where process.name not in ("wmic.exe")', docs)).toEqual([true, false]);
  });

  it(`${SYNTAX}#eql-syntax-strings: "\\\\" is one backslash in a string, raw """ strings keep it`, () => {
    const docs = [proc({ "process.executable": "C:\\a\\b.exe" })];
    expect(run('process where process.executable == "C:\\\\a\\\\b.exe"', docs)).toEqual([true]);
    expect(run('process where process.executable == """C:\\a\\b.exe"""', docs)).toEqual([true]);
  });

  it(`${SYNTAX}#eql-syntax-pattern-comparison-keywords: regex is Lucene syntax anchored to the whole value, regex~ ignores case`, () => {
    const docs = [proc({ "process.command_line": "cmd /c p^o^w^e^r^s^h^e^l^l" })];
    expect(run('process where process.command_line regex "p\\\\^o"', docs)).toEqual([false]);
    expect(run('process where process.command_line regex ".*P\\\\^O.*"', docs)).toEqual([false]);
    expect(run('process where process.command_line regex~ ".*P\\\\^O.*"', docs)).toEqual([true]);
    expect(run('process where process.command_line like~ "CMD*"', docs)).toEqual([true]);
    expect(run('process where process.command_line like "CMD*"', docs)).toEqual([false]);
  });

  it(`${SYNTAX}#eql-basic-syntax: the event category is read from event.category; any matches every event`, () => {
    const docs = [proc({ "process.name": "a" }), { "event.category": ["file"], "process.name": "a" }];
    expect(run('process where process.name == "a"', docs)).toEqual([true, false]);
    expect(run('any where process.name == "a"', docs)).toEqual([true, true]);
  });

  it(`${SYNTAX}#eql-syntax-match-any-condition: a multi-valued field matches when any value matches`, () => {
    const docs = [proc({ "process.args": ["vssadmin.exe", "delete", "shadows"] })];
    expect(run('process where process.args : "DELETE" and process.args : "shadows"', docs)).toEqual([true]);
  });

  it(`${SYNTAX}#eql-missing-fields: a missing field matches no comparison, so 'not' and '!=' keep the event`, () => {
    const docs = [proc({})];
    expect(run('process where process.name : "x"', docs)).toEqual([false]);
    expect(run('process where not process.name : "x"', docs)).toEqual([true]);
    expect(run('process where process.name != "x"', docs)).toEqual([true]);
  });

  it(`${SYNTAX}#eql-syntax-null-values: '== null' tests a missing field, '!= null' a present one`, () => {
    const docs = [proc({ "process.name": "a" }), proc({})];
    expect(run("process where process.name != null", docs)).toEqual([true, false]);
    expect(run("process where process.name == null", docs)).toEqual([false, true]);
  });

  it(`${SYNTAX}#eql-sequences: by keys, order and maxspan decide a sequence`, () => {
    const q = `sequence by host.id with maxspan=1m
      [file where file.extension : "exe"] by file.path
      [process where true] by process.executable`;
    const file = (t: string, host: string) => ({
      "@timestamp": t,
      "event.category": ["file"],
      "host.id": host,
      "file.extension": "exe",
      "file.path": "C:\\Windows\\x.exe",
    });
    const start = (t: string, host: string, exe = "C:\\Windows\\x.exe") =>
      proc({ "@timestamp": t, "host.id": host, "process.executable": exe });
    expect(run(q, [file("2026-11-29T11:00:00Z", "h1"), start("2026-11-29T11:00:30Z", "h1")])).toEqual([
      true,
      true,
    ]);
    expect(run(q, [file("2026-11-29T11:00:00Z", "h1"), start("2026-11-29T11:01:30Z", "h1")])).toEqual([
      false,
      false,
    ]);
    expect(run(q, [file("2026-11-29T11:00:00Z", "h1"), start("2026-11-29T11:00:30Z", "h2")])).toEqual([
      false,
      false,
    ]);
    expect(run(q, [start("2026-11-29T10:59:00Z", "h1"), file("2026-11-29T11:00:00Z", "h1")])).toEqual([
      false,
      false,
    ]);
    expect(
      run(q, [file("2026-11-29T11:00:00Z", "h1"), start("2026-11-29T11:00:30Z", "h1", "C:\\Windows\\y.exe")]),
    ).toEqual([false, false]);
  });

  it(`${SYNTAX}#eql-until-keyword: an until event with the same keys ends the sequence`, () => {
    const q = `sequence by host.id [process where process.name == "a"] [process where process.name == "b"] until [process where process.name == "stop"]`;
    const e = (t: string, name: string) => proc({ "@timestamp": t, "host.id": "h", "process.name": name });
    expect(run(q, [e("2026-11-29T11:00:00Z", "a"), e("2026-11-29T11:00:02Z", "b")])).toEqual([true, true]);
    expect(
      run(q, [
        e("2026-11-29T11:00:00Z", "a"),
        e("2026-11-29T11:00:01Z", "stop"),
        e("2026-11-29T11:00:02Z", "b"),
      ]),
    ).toEqual([false, false, false]);
  });

  it("names the clause that decided a miss", () => {
    const result = eqlEvaluator.evaluate({
      query: 'process where process.name : "wmic.exe" and not process.parent.name : "explorer.exe"',
      sources: [
        {
          name: "x",
          events: [
            proc({ __sample: "a", "process.name": "WMIC.exe", "process.parent.name": "Explorer.EXE" }),
          ],
        },
      ],
      now: new Date(),
    });
    expect(result.kind === "evaluated" && result.decisions.get("a")).toEqual({
      matched: false,
      clause: 'not process.parent.name : "explorer.exe"',
    });
  });

  it("refuses what it does not implement instead of guessing", () => {
    for (const q of [
      'process where startsWith(process.name, "a")',
      "process where true | head 5",
      'process where process.name == "a" and descendant of [process where true]',
      "sample by host.id [process where true] [process where true]",
    ]) {
      expect(eqlEvaluator.evaluate({ query: q, sources: [], now: new Date() }).kind).toBe("not-evaluated");
    }
  });
});
