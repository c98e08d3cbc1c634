import { describe, expect, it } from "vitest";
import { esqlEvaluator } from "@/lib/native-eval/esql";
import type { PlatformEvent } from "@/lib/native-eval/types";

// Each case pins a rule of Elastic's ES|QL reference:
// https://www.elastic.co/guide/en/elasticsearch/reference/current/esql-functions-operators.html (operators, functions)
// https://www.elastic.co/guide/en/elasticsearch/reference/current/esql-syntax.html (literals)
// https://www.elastic.co/guide/en/elasticsearch/reference/current/esql-multivalued-fields.html (multivalues)
const NOW = new Date("2026-11-29T12:00:00Z");

function run(query: string, events: PlatformEvent[], source = "logs-endpoint.events.process-default") {
  const result = esqlEvaluator.evaluate({
    query,
    sources: [{ name: source, events: events.map((e, i) => ({ __sample: `e${i}`, ...e })) }],
    now: NOW,
  });
  if (result.kind !== "evaluated") throw new Error(`not evaluated: ${result.construct}`);
  return { matched: events.map((_, i) => result.decisions.get(`e${i}`)!.matched), result };
}
const FROM = "FROM logs-endpoint.events.process-*\n";

describe("ES|QL evaluator", () => {
  it("esql-functions-operators.html#esql-like-operator: LIKE is case-sensitive, * and ? are wildcards", () => {
    const docs = [
      { "process.name": "WMIC.exe" },
      { "process.name": "wmic.exe" },
      { "process.name": "wmic1.exe" },
    ];
    expect(run(`${FROM}| WHERE process.name LIKE "wmic.*"`, docs).matched).toEqual([false, true, false]);
    expect(run(`${FROM}| WHERE process.name LIKE "wmic?.exe"`, docs).matched).toEqual([false, false, true]);
    expect(run(`${FROM}| WHERE TO_LOWER(process.name) LIKE "wmic.*"`, docs).matched).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('esql-syntax.html#esql-syntax-literals: in "..." strings \\\\ is one backslash that LIKE then reads as an escape; """ strings are raw', () => {
    const docs = [{ "process.executable": "C:\\Temp\\a.exe" }, { "process.executable": "C:*Temp*a.exe" }];
    // "C:\\\\Temp\\\\*" in the query is the pattern C:\\Temp\\* : an escaped backslash, then literal text.
    expect(run(`${FROM}| WHERE process.executable LIKE "C:\\\\\\\\Temp\\\\\\\\*"`, docs).matched).toEqual([
      true,
      false,
    ]);
    expect(run(`${FROM}| WHERE process.executable LIKE """C:\\\\Temp\\\\*"""`, docs).matched).toEqual([
      true,
      false,
    ]);
    // A single backslash in a raw pattern escapes the next character: \\* is a literal star.
    expect(run(`${FROM}| WHERE process.executable LIKE """C:\\*Temp*"""`, docs).matched).toEqual([
      false,
      true,
    ]);
    // "\\T" in a "..." string is an invalid escape: the query does not run.
    expect(
      esqlEvaluator.evaluate({
        query: `${FROM}| WHERE process.executable LIKE "C:\\Temp"`,
        sources: [],
        now: NOW,
      }).kind,
    ).toBe("not-evaluated");
  });

  it("esql-functions-operators.html#esql-rlike-operator: RLIKE is a Lucene regex over the whole value", () => {
    const docs = [{ "process.command_line": "rundll32.exe C:\\Users\\Public\\a.dll,Start" }];
    expect(run(`${FROM}| WHERE process.command_line RLIKE "rundll32"`, docs).matched).toEqual([false]);
    expect(run(`${FROM}| WHERE process.command_line RLIKE """rundll32.*"""`, docs).matched).toEqual([true]);
    expect(
      run(`${FROM}| WHERE process.command_line RLIKE """.*\\\\users\\\\public\\\\.*"""`, docs).matched,
    ).toEqual([false]);
    expect(
      run(`${FROM}| WHERE TO_LOWER(process.command_line) RLIKE """.*\\\\users\\\\public\\\\.*"""`, docs)
        .matched,
    ).toEqual([true]);
  });

  it("regexp-syntax.html: a double-quoted run inside a Lucene pattern is literal text", () => {
    const docs = [{ "process.name": "a.b" }, { "process.name": "axb" }];
    expect(run(`${FROM}| WHERE process.name RLIKE "\\"a.b\\""`, docs).matched).toEqual([true, false]);
  });

  it("esql-functions-operators.html#esql-binary-operators: == is case-sensitive; IN compares like ==", () => {
    const docs = [{ "host.os.type": "windows" }, { "host.os.type": "Windows" }];
    expect(run(`${FROM}| WHERE host.os.type == "windows"`, docs).matched).toEqual([true, false]);
    expect(run(`${FROM}| WHERE host.os.type IN ("windows", "linux")`, docs).matched).toEqual([true, false]);
    expect(run(`${FROM}| WHERE host.os.type NOT IN ("windows")`, docs).matched).toEqual([false, true]);
  });

  it("esql-language.html null rules: a comparison with null is null and WHERE drops it, also under NOT", () => {
    const docs = [{ "process.name": "a.exe" }, {}];
    expect(run(`${FROM}| WHERE process.name != "b.exe"`, docs).matched).toEqual([true, false]);
    expect(run(`${FROM}| WHERE NOT process.name == "b.exe"`, docs).matched).toEqual([true, false]);
    expect(run(`${FROM}| WHERE process.name IS NULL`, docs).matched).toEqual([false, true]);
    expect(run(`${FROM}| WHERE process.name IS NULL OR process.name == "a.exe"`, docs).matched).toEqual([
      true,
      true,
    ]);
  });

  it("esql-multivalued-fields.html: a comparison with a multivalue is null, MV_CONCAT reads all values", () => {
    const docs = [{ "event.type": ["start"] }, { "event.type": ["start", "change"] }];
    expect(run(`${FROM}| WHERE event.type == "start"`, docs).matched).toEqual([true, false]);
    expect(run(`${FROM}| WHERE MV_CONCAT(event.type, ",") LIKE "*start*"`, docs).matched).toEqual([
      true,
      true,
    ]);
  });

  it("esql-functions-operators.html#esql-case: CASE returns the value of the first true condition, else the default or null", () => {
    const q = `${FROM}| EVAL m = CASE(process.name == "a", "first", process.name == "b", "second") | WHERE m IS NOT NULL`;
    const { matched, result } = run(q, [{ "process.name": "b" }, { "process.name": "c" }]);
    expect(matched).toEqual([true, false]);
    expect(result.kind === "evaluated" && result.rows[0]!.m).toBe("second");
  });

  it("esql-commands.html#esql-stats-by: STATS groups by its BY columns and unions the events of each group", () => {
    const ev = (host: string, name: string) => ({
      "host.name": host,
      "process.name": name,
      "@timestamp": "2026-11-29T11:59:00Z",
    });
    const q = `${FROM}| WHERE @timestamp > NOW() - 10 minutes | STATS n = COUNT_DISTINCT(process.name), c = COUNT(*) BY host.name | WHERE n >= 2`;
    const { matched, result } = run(q, [ev("h1", "a"), ev("h1", "b"), ev("h2", "a"), ev("h2", "a")]);
    expect(matched).toEqual([true, true, false, false]);
    expect(result.kind === "evaluated" && result.rows).toEqual([{ n: 2, c: 2, "host.name": "h1" }]);
  });

  it("esql-functions-operators.html#esql-date_trunc and NOW(): time windows and buckets", () => {
    const docs = [{ "@timestamp": "2026-11-29T11:55:00Z" }, { "@timestamp": "2026-11-29T11:40:00Z" }];
    expect(run(`${FROM}| WHERE @timestamp > NOW() - 10 minutes`, docs).matched).toEqual([true, false]);
    const { result } = run(
      `${FROM}| EVAL m = DATE_TRUNC(15 minutes, @timestamp) | STATS c = COUNT(*) BY m`,
      docs,
    );
    expect(result.kind === "evaluated" && result.rows.map((r) => (r.m as Date).toISOString())).toEqual([
      "2026-11-29T11:45:00.000Z",
      "2026-11-29T11:30:00.000Z",
    ]);
  });

  it("esql-from.html: FROM reads only the sources its index patterns name", () => {
    const { matched } = run(`FROM logs-endpoint.events.file-*\n| WHERE true`, [{}]);
    expect(matched).toEqual([false]);
  });

  it("esql-functions-operators.html#esql-cidr_match and GROK extraction", () => {
    const docs = [
      { "source.ip": "10.1.2.3", msg: "bucketName=finance-exports, key=x" },
      { "source.ip": "8.8.8.8", msg: "" },
    ];
    expect(run(`${FROM}| WHERE CIDR_MATCH(source.ip, "10.0.0.0/8", "192.168.0.0/16")`, docs).matched).toEqual(
      [true, false],
    );
    // "ip: IP address of type ip (both IPv4 and IPv6 are supported)" (ip-functions/cidr_match).
    const v6 = [{ "source.ip": "FE80::1" }, { "source.ip": "fec0::1" }, { "source.ip": "10.0.0.1" }];
    expect(run(`${FROM}| WHERE CIDR_MATCH(source.ip, "fe80::/10")`, v6).matched).toEqual([
      true,
      false,
      false,
    ]);
    const { result } = run(`${FROM}| GROK msg "bucketName=%{DATA:bucket}[,}]" | KEEP bucket`, docs);
    expect(result.kind === "evaluated" && result.rows).toEqual([
      { bucket: "finance-exports" },
      { bucket: null },
    ]);
  });

  it("names the command that dropped an event, and refuses unknown constructs", () => {
    const { result } = run(`${FROM}| WHERE host.os.type == "windows"\n| WHERE process.name == "x"`, [
      { "host.os.type": "windows" },
    ]);
    expect(result.kind === "evaluated" && result.decisions.get("e0")).toEqual({
      matched: false,
      clause: 'WHERE process.name == "x"',
    });
    for (const q of [`${FROM}| ENRICH policy`, `${FROM}| WHERE MATCH(message, "x")`, `ROW a = 1`]) {
      expect(esqlEvaluator.evaluate({ query: q, sources: [], now: NOW }).kind).toBe("not-evaluated");
    }
  });
});
