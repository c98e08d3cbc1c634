// The converter API: valid rules convert and evaluate; every kind of bad input is a 4xx.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/sigma/convert/route";
import { getTechnique } from "@/lib/content/catalog";

const rule = fs.readFileSync("tests/fixtures/sigma/encoded-powershell.yml", "utf8");
const post = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  POST(
    new Request("http://localhost/api/sigma/convert", {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

describe("POST /api/sigma/convert", () => {
  it("converts to every backend, links known ATT&CK tags and evaluates events", async () => {
    const events =
      '{"Image":"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe","CommandLine":"powershell -enc SQBFAFgA"}\n{"Image":"C:\\\\x\\\\notepad.exe"}';
    const res = await post({ rule, events });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.diagnostics).toEqual([]);
    const [r] = body.rules;
    expect(r.conversions.map((c: { target: string }) => c.target)).toEqual([
      "splunk",
      "kql",
      "lucene",
      "esql",
      "eql",
      "yara-l",
      "logscale",
    ]);
    expect(
      r.conversions.every((c: { query?: string; html?: string }) => c.query && c.html?.includes("shiki")),
    ).toBe(true);
    expect(r.tags).toContainEqual({ tag: "attack.t1059.001", href: "/techniques/T1059.001" });
    expect(r.tags).toContainEqual({
      tag: "attack.t1027",
      href: getTechnique("T1027") ? "/techniques/T1027" : null,
    });
    expect(r.tags).toContainEqual({ tag: "attack.execution", href: null });
    expect(r.evaluation).toEqual({
      matched: 1,
      results: [
        { index: 0, matched: true, fired: ["selection_img", "selection_enc"] },
        { index: 1, matched: false, fired: [] },
      ],
    });
  });
  it("answers 422 with located diagnostics for an invalid rule", async () => {
    const res = await post({ rule: rule.replace("windash|contains", "windash|contians") });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.diagnostics[0]).toMatchObject({
      line: expect.any(Number),
      column: expect.any(Number),
      message: expect.stringContaining('unknown modifier "contians"'),
    });
  });
  it("answers 4xx for malformed requests, bad events and oversized bodies", async () => {
    expect((await post("{not json")).status).toBe(400);
    expect((await post({ rule }, { "content-type": "text/plain" })).status).toBe(400);
    expect((await post({ rule: "" })).status).toBe(400);
    expect((await post({ rule, targets: ["qradar"] })).status).toBe(400);
    expect((await post({ rule, extra: 1 })).status).toBe(400);
    expect((await post({ rule, events: "{oops" })).status).toBe(422);
    expect((await post({ rule: "x".repeat(900 * 1024) })).status).toBe(413);
    expect((await post({ rule: `a: ${"[".repeat(100000)}` })).status).toBe(422);
  });
});

describe("POST /api/sigma/convert with hostile rules and events (issue 12)", () => {
  const head = "title: t\nlogsource:\n  product: windows\n  category: process_creation\ndetection:\n";
  const withCondition = (condition: string) => `${head}  sel:\n    a: x\n  condition: '${condition}'\n`;
  async function refused(body: unknown) {
    const res = await post(body);
    expect(res.status).toBe(422);
    return (await res.json()) as { error: string; diagnostics: Array<{ message: string; line: number }> };
  }

  it("evaluates the backtracking wildcard and regex cases instead of freezing", async () => {
    const wild = `${head}  sel:\n    CommandLine: '*a*a*a*a*b'\n  condition: sel\n`;
    for (const n of [200, 400]) {
      const res = await post({
        rule: wild,
        targets: ["splunk"],
        events: JSON.stringify({ CommandLine: "a".repeat(n) }),
      });
      expect(res.status).toBe(200);
      expect((await res.json()).rules[0].evaluation).toEqual({
        matched: 0,
        results: [{ index: 0, matched: false, fired: [] }],
      });
    }
    const redos = `${head}  sel:\n    CommandLine|re: '^(a+)+$'\n  condition: sel\n`;
    const res = await post({
      rule: redos,
      targets: ["kql"],
      events: JSON.stringify({ CommandLine: `${"a".repeat(100_000)}b` }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).rules[0].evaluation.matched).toBe(0);
  });
  it("answers 422 with a located message for deep and long conditions", async () => {
    const parens = await refused({ rule: withCondition(`${"(".repeat(5000)}sel${")".repeat(5000)}`) });
    expect(parens.diagnostics[0]).toMatchObject({
      line: 8,
      message: "condition: the condition is 10003 characters, over the 4096 limit",
    });
    const nots = await refused({ rule: withCondition(`${"not ".repeat(20000)}sel`) });
    expect(nots.diagnostics[0]!.message).toBe("the rule is 79 KB, over the 64 KB limit");
    const fewerNots = await refused({ rule: withCondition(`${"not ".repeat(1000)}sel`) });
    expect(fewerNots.diagnostics[0]!.message).toContain("more than 32 levels deep");
    const deep = await refused({ rule: withCondition(`${"(".repeat(40)}sel${")".repeat(40)}`) });
    expect(deep.diagnostics[0]!.message).toContain("more than 32 levels deep");
    const chain = await refused({ rule: withCondition(Array(6000).fill("sel").join(" and ")) });
    expect(chain.diagnostics[0]!.message).toContain("47995 characters, over the 4096 limit");
    const huge = await refused({ rule: withCondition(Array(30000).fill("sel").join(" and ")) });
    expect(huge.diagnostics[0]!.message).toMatch(/the rule is 235 KB, over the \d+ KB limit/);
  });
  it("answers 422 for regexes RE2 cannot run and for rules over the other limits", async () => {
    const look = await refused({ rule: `${head}  sel:\n    a|re: 'x(?!y)'\n  condition: sel\n` });
    expect(look.diagnostics[0]).toMatchObject({ line: 7, message: expect.stringContaining("lookaround") });
    const ids = Array.from({ length: 300 }, (_, i) => `  s${i}:\n    a: x\n`).join("");
    const many = await refused({ rule: `${head}${ids}  condition: 1 of them\n` });
    expect(many.diagnostics[0]!.message).toBe("detection has 300 search identifiers, over the 256 limit");
    const stars = await refused({ rule: `${head}  sel:\n    a: '${"*a".repeat(40)}*'\n  condition: sel\n` });
    expect(stars.diagnostics[0]!.message).toContain("wildcards, over the 32 limit");
  });
  it("answers 422 for files of many documents, which it would convert and highlight one by one", async () => {
    const doc = `${head}  sel:\n    CommandLine: x\n  condition: sel\n`;
    const body = await refused({ rule: Array(400).fill(doc).join("---\n") });
    expect(body.diagnostics[0]!.message).toBe("the file holds 400 YAML documents, over the 16 limit");
  });
  it("returns long queries as escaped text instead of highlighting them", async () => {
    const values = Array.from({ length: 400 }, (_, i) => `      - '<v${i}>'\n`).join("");
    const res = await post({ rule: `${head}  sel:\n    CommandLine|contains:\n${values}  condition: sel\n` });
    expect(res.status).toBe(200);
    const conversions = (await res.json()).rules[0].conversions as Array<{ query?: string; html?: string }>;
    for (const c of conversions.filter((c) => c.query)) {
      expect(c.query!.length).toBeGreaterThan(4000);
      expect(c.html).toMatch(/^<pre class="plain"><code>.*&#60;v399.*<\/code><\/pre>$/s);
      expect(c.html).not.toContain("<v");
    }
  });
  it("answers 422 when the events need more evaluation work than one request may use", async () => {
    const values = Array.from({ length: 300 }, (_, i) => `      - zz${i}\n`).join("");
    const rule = `${head}  sel:\n    CommandLine|contains:\n${values}  condition: sel\n`;
    const body = await refused({
      rule,
      targets: ["splunk"],
      events: JSON.stringify({ CommandLine: "a".repeat(400_000) }),
    });
    expect(body.error).toMatch(/needs more than 50,000,000 steps of work/);
    // A keyword search walks every value of the event: this nesting overflowed the stack (500).
    const deep = await refused({
      rule: `${head}  sel:\n    - evil\n  condition: sel\n`,
      targets: ["splunk"],
      events: `{"a":${"[".repeat(50_000)}${"]".repeat(50_000)}}`,
    });
    expect(deep.error).toBe("events: the JSON nests arrays or objects more than 32 levels deep");
  });
});

describe("POST /api/sigma/convert with a correlation (issue 17)", () => {
  const base = `title: Encoded PowerShell\nname: enc_ps\nlogsource: { product: windows, category: process_creation }\ndetection:\n  sel:\n    CommandLine|contains: ' -enc '\n  condition: sel\n`;
  const correlation = (rules: string) =>
    `title: Many\ncorrelation:\n  type: event_count\n  rules: [${rules}]\n  group-by: [Computer]\n  timespan: 5m\n  condition: { gte: 10 }\n---\n${base}`;

  it("converts a multi-document correlation and hides its generate: false rule", async () => {
    const res = await post({ rule: correlation("enc_ps"), targets: ["kql", "lucene"] });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.rules).toHaveLength(1);
    expect(body.rules[0].kind).toBe("correlation");
    expect(body.rules[0].conversions[0].query).toContain("summarize event_count = count()");
    expect(body.rules[0].conversions[1].error).toMatch(/Lucene .* without aggregation/);
  });

  it("answers 422 with the located error for a correlation over too many rules", async () => {
    const many = Array.from({ length: 11 }, (_, i) => `r${i}`).join(", ");
    const res = await post({ rule: correlation(many), targets: ["kql"] });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.diagnostics).toContainEqual(
      expect.objectContaining({ line: 4, message: expect.stringMatching(/at most 10 rules/) }),
    );
  });
});

describe("POST /api/sigma/convert with pipelines (issue 17)", () => {
  it("applies a pySigma-format pipeline_yaml and a named pipeline", async () => {
    const res = await post({
      rule,
      targets: ["splunk"],
      pipeline: "none",
      pipeline_yaml:
        "name: p\ntransformations:\n  - type: field_name_mapping\n    mapping: { Image: proc }\n",
    });
    expect(res.status).toBe(200);
    expect((await res.json()).rules[0].conversions[0].query).toContain("proc IN");
  });
  it("answers 422 with located diagnostics for a bad pipeline, and for an unknown pipeline name", async () => {
    const bad = await post({ rule, pipeline_yaml: "name: p\ntransformations:\n  - type: nope_transform\n" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).diagnostics[0]).toMatchObject({
      line: 3,
      message: expect.stringMatching(/nope_transform/),
    });
    expect((await post({ rule, pipeline: "qradar_fields" })).status).toBe(422);
  });
});
