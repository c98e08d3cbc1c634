// The parser and validator: typed model, located diagnostics with hints, hostile input refused.
import { describe, expect, it } from "vitest";
import { MAX_RULE_BYTES } from "@/lib/sigma/engine/limits";
import type { DetectionRule } from "@/lib/sigma/engine/model";
import { parseSigma } from "@/lib/sigma/engine/parse";

const rule = (detection: string, extra = "") => `title: Test rule
id: 7b77fe34-b6ed-4fd3-b524-631a61f0b8fe
status: test
${extra}logsource:
  product: windows
  category: process_creation
detection:
${detection}
level: high
`;

const first = (text: string) => parseSigma(text).diagnostics[0];

describe("parseSigma", () => {
  it("builds the typed model of a valid rule without diagnostics", () => {
    const { rules, diagnostics } = parseSigma(
      rule(
        "  sel:\n    Image|endswith: '\\\\x.exe'\n    CommandLine|contains|all: [a, b]\n  condition: sel",
        "tags:\n  - attack.t1059.001\n",
      ),
    );
    expect(diagnostics).toEqual([]);
    const r = rules[0] as DetectionRule;
    expect(r.logsource).toEqual({ product: "windows", category: "process_creation" });
    expect(r.tags).toEqual(["attack.t1059.001"]);
    const sel = r.detections.get("sel")!;
    expect(sel.link).toBe("and");
    expect(sel.items).toMatchObject([
      {
        field: "Image",
        modifiers: ["endswith"],
        link: "or",
        values: [{ kind: "string", parts: [{ wildcard: "*" }, "\\x.exe"] }],
      },
      { field: "CommandLine", link: "and", values: [{ kind: "string" }, { kind: "string" }] },
    ]);
    expect(r.conditions).toEqual([{ type: "id", name: "sel" }]);
  });

  it("locates an unknown modifier at its key with a hint", () => {
    const d = first(rule("  sel:\n    Image|endwith: x\n  condition: sel"))!;
    expect(d).toMatchObject({ severity: "error", line: 9, column: 5 });
    expect(d.message).toContain('unknown modifier "endwith"');
    expect(d.hint).toContain("endswith");
  });

  it("locates an undefined identifier inside the condition", () => {
    const d = first(rule("  selection:\n    Image: x\n  condition: selection and not filter"))!;
    expect(d.message).toContain('"filter", which is not a search identifier');
    expect(d).toMatchObject({ line: 10, column: 14 + "selection and not ".length });
  });

  it("reports an of-pattern that matches nothing and a condition syntax error", () => {
    expect(first(rule("  sel:\n    a: x\n  condition: 1 of filter_*"))!.message).toContain(
      "matches no search identifier",
    );
    const d = first(rule("  sel:\n    a: x\n  condition: (sel or sel"))!;
    expect(d.message).toContain('missing ")"');
    expect(first(rule("  sel:\n    a: x\n  condition: sel | count() > 5"))!.hint).toContain("correlation");
  });

  it("reports wrong types, missing fields, bad UUIDs and tag formats", () => {
    expect(first(rule("  sel:\n    a|gt: ten\n  condition: sel"))!.message).toContain("gt needs a number");
    expect(first(rule("  sel:\n    a|exists: yes please\n  condition: sel"))!.message).toContain(
      "exists needs true or false",
    );
    expect(first(rule("  sel:\n    a:\n      b: c\n  condition: sel"))!.message).toContain("holds a map");
    expect(first("title: x\ndetection:\n  sel:\n    a: b\n  condition: sel\n")!.message).toBe(
      "missing required field logsource",
    );
    expect(first(rule("  sel:\n    a: b", ""))!.message).toBe("detection has no condition");
    const uuid = first(rule("  sel:\n    a: b\n  condition: sel").replace("7b77fe34-b6ed", "not-a-uuid"))!;
    expect(uuid).toMatchObject({ line: 2, message: expect.stringContaining("is not a UUID") });
    const tag = first(rule("  sel:\n    a: b\n  condition: sel", "tags:\n  - attack.T1059\n"))!;
    expect(tag).toMatchObject({ line: 5, column: 5, message: 'bad tag format "attack.T1059"' });
    expect(tag.hint).toContain("attack.t1059");
    expect(first(rule("  sel:\n    a|re: '(unclosed'\n  condition: sel"))!.message).toContain(
      "invalid regular expression",
    );
    expect(first(rule("  sel:\n    a|cidr: 10.0.0.300/8\n  condition: sel"))!.message).toContain(
      "not a CIDR network",
    );
    expect(first(rule("  sel:\n    a|i: x\n  condition: sel"))!.hint).toContain('after "re"');
  });

  it("parses and validates correlation rules", () => {
    const base = rule("  sel:\n    EventID: 4625\n  condition: sel").replace(
      "title: Test rule",
      "title: Failed logon\nname: failed_logon",
    );
    const ok = parseSigma(`${base}---
title: Many failed logons
id: 0e95725d-7320-415d-80f7-004da920fc11
correlation:
  type: event_count
  rules: [failed_logon]
  group-by: [TargetUserName]
  timespan: 5m
  condition:
    gte: 10
`);
    expect(ok.diagnostics).toEqual([]);
    expect(ok.rules[1]).toMatchObject({
      type: "correlation",
      correlation: {
        type: "event_count",
        timespan: "5m",
        groupBy: ["TargetUserName"],
        condition: { ops: [{ op: "gte", value: 10 }] },
        aliases: {},
        generate: false,
      },
    });
    const bad = parseSigma(
      "title: c\ncorrelation:\n  type: value_count\n  rules: [x]\n  timespan: 5 minutes\n  condition:\n    gte: 3\n",
    );
    const messages = bad.diagnostics.map((d) => d.message);
    expect(messages).toContain('timespan "5 minutes" is not a duration');
    expect(messages.some((m) => m.includes("condition.field"))).toBe(true);
    expect(
      parseSigma("title: c\ncorrelation:\n  type: temporal\n  rules: [x]\n  timespan: 1h\n").diagnostics[0]!
        .message,
    ).toContain("at least two rules");
  });
});

describe("hostile input", () => {
  it("refuses rules over the size limit", () => {
    const big = rule(`  sel:\n    a: '${"x".repeat(MAX_RULE_BYTES + 1024)}'\n  condition: sel`);
    expect(first(big)!.message).toContain(`over the ${MAX_RULE_BYTES / 1024} KB limit`);
  });
  it("refuses alias bombs quickly", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(", ")}]`,
      );
    const started = Date.now();
    expect(first(lines.join("\n"))!.message).toContain("aliases expand too far");
    expect(Date.now() - started).toBeLessThan(2000);
  });
  it("refuses deep nesting in flow and block style", () => {
    expect(first(`a: ${"[".repeat(5000)}${"]".repeat(5000)}`)!.message).toContain("nested more than");
    let block = "";
    for (let i = 0; i < 40; i++) block += `${" ".repeat(i * 2)}k${i}:\n`;
    expect(first(`${block}${" ".repeat(80)}x: 1`)!.message).toContain("nested more than");
  });
  it("reports YAML syntax errors with their position", () => {
    const d = first("title: x\nlogsource: [unclosed\n")!;
    expect(d.message).toMatch(/^YAML:/);
    expect(d.line).toBeGreaterThanOrEqual(2);
  });
});

describe("limits (lib/sigma/engine/limits.ts), each reported where it occurs", () => {
  const errors = (text: string) => parseSigma(text).diagnostics.filter((d) => d.severity === "error");
  it("conditions: 5,000 nested parentheses and 20,000 nots are located errors, not a RangeError", () => {
    const parens = first(rule(`  sel:\n    a: x\n  condition: '${"(".repeat(5000)}sel${")".repeat(5000)}'`))!;
    expect(parens).toMatchObject({ line: 10, path: "detection.condition" });
    expect(parens.message).toMatch(/condition: the condition is 10003 characters, over the 4096 limit/);
    // 20,000 nots are 80 KB: the rule size limit refuses them before the condition is read.
    const nots = first(rule(`  sel:\n    a: x\n  condition: '${"not ".repeat(20000)}sel'`))!;
    expect(nots).toMatchObject({ line: 1, message: "the rule is 79 KB, over the 64 KB limit" });
    const fewerNots = first(rule(`  sel:\n    a: x\n  condition: '${"not ".repeat(1000)}sel'`))!;
    expect(fewerNots).toMatchObject({
      line: 10,
      column: 15 + 32 * 4,
      message: expect.stringContaining("levels deep"),
    });
    const deep = first(rule(`  sel:\n    a: x\n  condition: ${"(".repeat(40)}sel${")".repeat(40)}`))!;
    expect(deep).toMatchObject({
      line: 10,
      column: 14 + 32,
      message: expect.stringContaining("levels deep"),
    });
  });
  it("search identifiers, values per field, value length and wildcards", () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `  s${i}:\n    a: x\n`).join("");
    expect(first(rule(`${ids}  condition: s1`))).toMatchObject({
      line: 7,
      message: "detection has 3000 search identifiers, over the 256 limit",
    });
    const values = Array.from({ length: 4100 }, (_, i) => `      - v${i}\n`).join("");
    expect(first(rule(`  sel:\n    a:\n${values}  condition: sel`))).toMatchObject({
      line: 10,
      message: "a has 4100 values, over the 4096 limit",
    });
    const long = first(rule(`  sel:\n    a|contains: '${"x".repeat(5000)}'\n  condition: sel`))!;
    expect(long).toMatchObject({
      line: 9,
      message: expect.stringContaining("5000 characters, over the 4096"),
    });
    const stars = first(rule(`  sel:\n    a: '${"*a".repeat(40)}'\n  condition: sel`))!;
    expect(stars).toMatchObject({ line: 9, message: expect.stringContaining("40 wildcards, over the 32") });
    expect(errors(rule(`  sel:\n    a|contains: '${"*a".repeat(15)}'\n  condition: sel`))).toEqual([]);
  });
  it("the expanded size of a condition that repeats large selections", () => {
    const values = Array.from({ length: 200 }, (_, i) => `      - v${i}\n`).join("");
    const cond = Array(101).fill("sel").join(" and ");
    expect(first(rule(`  sel:\n    a:\n${values}  condition: ${cond}`))).toMatchObject({
      line: 210,
      message: "condition: the conditions expand to 20200 value matches, over the 20000 limit",
    });
    expect(
      errors(rule(`  sel:\n    a:\n${values}  condition: ${Array(100).fill("sel").join(" and ")}`)),
    ).toEqual([]);
  });
  it("the expanded size in characters of a condition that repeats a long value", () => {
    const value = "x".repeat(4000);
    const cond = Array(140).fill("sel").join(" and ");
    expect(first(rule(`  sel:\n    a: '${value}'\n  condition: ${cond}`))).toMatchObject({
      line: 10,
      message: "condition: the conditions expand to about 561260 characters of query, over the 524288 limit",
    });
    expect(
      errors(rule(`  sel:\n    a: '${value}'\n  condition: ${Array(130).fill("sel").join(" and ")}`)),
    ).toEqual([]);
  });
  it("regular expressions RE2 cannot run, or too large to compile, at their value", () => {
    expect(first(rule("  sel:\n    a|re: 'x(?=y)'\n  condition: sel"))).toMatchObject({
      line: 9,
      message: expect.stringContaining("a|re: the regular expression uses lookaround"),
    });
    expect(first(rule("  sel:\n    a|re: '(a)\\1'\n  condition: sel"))!.message).toContain("back-references");
    expect(
      first(rule("  sel:\n    a|re: '[a-z]{1,999}[0-9]{1,999}[a-f]{1,999}'\n  condition: sel"))!.message,
    ).toMatch(/instructions, over the 2000 limit/);
    const many = Array.from({ length: 6 }, (_, i) => `    f${i}|re: '[a-z]{1,900}x{1,50}'\n`).join("");
    expect(first(rule(`  sel:\n${many}  condition: sel`))).toMatchObject({
      line: 14,
      message: expect.stringContaining("more than 10000 instructions in total"),
    });
  });
  it("documents per file, located at the first one over the limit", () => {
    const doc = rule("  sel:\n    a: x\n  condition: sel");
    const text = Array(20).fill(doc).join("---\n");
    expect(first(text)).toMatchObject({
      line: 16 * 12,
      message: "the file holds 20 YAML documents, over the 16 limit",
    });
    expect(errors(Array(16).fill(doc).join("---\n"))).toEqual([]);
  });
  it("duplicate keys, found without yaml's quadratic check", () => {
    expect(first(rule("  sel:\n    a: x\n    a: y\n  condition: sel"))).toMatchObject({
      line: 10,
      column: 5,
      message: 'YAML: Map keys must be unique ("a" is repeated)',
    });
  });
});
