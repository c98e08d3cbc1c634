// Evaluator semantics, one test per modifier and per condition form.
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { Budget, SigmaBudgetError } from "@/lib/sigma/engine/budget";
import { evaluateEvent, parseEvents, SigmaEvalError } from "@/lib/sigma/engine/evaluate";
import type { DetectionRule } from "@/lib/sigma/engine/model";
import { parseSigma } from "@/lib/sigma/engine/parse";

function compile(detection: Record<string, unknown>): DetectionRule {
  const { rules, diagnostics } = parseSigma(
    stringify({ title: "t", logsource: { product: "windows" }, detection }),
  );
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return rules[0] as DetectionRule;
}
const hits = (sel: Record<string, unknown> | unknown[], event: Record<string, unknown>) =>
  evaluateEvent(compile({ sel, condition: "sel" }), event).matched;

describe("values and modifiers", () => {
  it("plain values are case-insensitive whole-value matches; cased makes them exact", () => {
    expect(hits({ a: "Foo" }, { a: "fOO" })).toBe(true);
    expect(hits({ a: "Foo" }, { a: "Foo bar" })).toBe(false);
    expect(hits({ "a|cased": "Foo" }, { a: "foo" })).toBe(false);
    expect(hits({ "a|cased": "Foo" }, { a: "Foo" })).toBe(true);
  });
  it("wildcards * and ? with escaping", () => {
    expect(hits({ a: "a*c" }, { a: "abbbc" })).toBe(true);
    expect(hits({ a: "a?c" }, { a: "abc" })).toBe(true);
    expect(hits({ a: "a?c" }, { a: "abbc" })).toBe(false);
    expect(hits({ a: "a\\*c" }, { a: "abc" })).toBe(false);
    expect(hits({ a: "a\\*c" }, { a: "a*c" })).toBe(true);
    expect(hits({ a: "a\\?" }, { a: "a?" })).toBe(true);
    expect(hits({ a: "C:\\\\x\\*" }, { a: "C:\\x*" })).toBe(true);
    // A backslash before a wildcard escapes it (Sigma v2); a doubled one is a backslash and a wildcard.
    expect(hits({ a: "C:\\Windows\\*" }, { a: "C:\\Windows\\cmd.exe" })).toBe(false);
    expect(hits({ a: "C:\\Windows\\\\*" }, { a: "C:\\Windows\\cmd.exe" })).toBe(true);
  });
  it("contains, startswith, endswith", () => {
    expect(hits({ "a|contains": "mid" }, { a: "xmidx" })).toBe(true);
    expect(hits({ "a|startswith": "st" }, { a: "start" })).toBe(true);
    expect(hits({ "a|startswith": "st" }, { a: "ast" })).toBe(false);
    expect(hits({ "a|endswith": ".exe" }, { a: "x.EXE" })).toBe(true);
    expect(hits({ "a|endswith": ".exe" }, { a: "x.exe.txt" })).toBe(false);
  });
  it("lists are OR, all makes them AND, maps are AND", () => {
    expect(hits({ "a|contains": ["x", "y"] }, { a: "y" })).toBe(true);
    expect(hits({ "a|contains|all": ["x", "y"] }, { a: "y" })).toBe(false);
    expect(hits({ "a|contains|all": ["x", "y"] }, { a: "yx" })).toBe(true);
    expect(hits({ a: "1", b: "2" }, { a: "1", b: "3" })).toBe(false);
    expect(hits([{ a: "1" }, { b: "2" }], { a: "0", b: "2" })).toBe(true);
  });
  it("null and empty values", () => {
    expect(hits({ a: null }, {})).toBe(true);
    expect(hits({ a: null }, { a: "x" })).toBe(false);
    expect(hits({ a: "" }, { a: "" })).toBe(true);
    expect(hits({ a: "" }, { a: "x" })).toBe(false);
  });
  it("numbers and booleans", () => {
    expect(hits({ EventID: 4688 }, { EventID: "4688" })).toBe(true);
    expect(hits({ EventID: 4688 }, { EventID: 46880 })).toBe(false);
    expect(hits({ ok: true }, { ok: true })).toBe(true);
    expect(hits({ ok: true }, { ok: false })).toBe(false);
  });
  it("keyword searches look anywhere in the event", () => {
    expect(hits(["mimikatz", "sekurlsa"], { a: { b: "run SEKURLSA::logonpasswords" } })).toBe(true);
    expect(hits(["mimikatz"], { a: "benign" })).toBe(false);
  });
  it("re with i, m and s flags", () => {
    expect(hits({ "a|re": "^ab+c$" }, { a: "abbc" })).toBe(true);
    expect(hits({ "a|re": "^abc$" }, { a: "ABC" })).toBe(false);
    expect(hits({ "a|re|i": "^abc$" }, { a: "ABC" })).toBe(true);
    expect(hits({ "a|re": "(?i)^abc$" }, { a: "ABC" })).toBe(true);
    expect(hits({ "a|re|m": "^b$" }, { a: "a\nb" })).toBe(true);
    expect(hits({ "a|re": "^b$" }, { a: "a\nb" })).toBe(false);
    expect(hits({ "a|re|s": "a.b" }, { a: "a\nb" })).toBe(true);
    expect(hits({ "a|re": "a.b" }, { a: "a\nb" })).toBe(false);
  });
  it("cidr for IPv4 and IPv6", () => {
    expect(hits({ "ip|cidr": "10.0.0.0/8" }, { ip: "10.20.30.40" })).toBe(true);
    expect(hits({ "ip|cidr": "10.0.0.0/8" }, { ip: "11.0.0.1" })).toBe(false);
    expect(hits({ "ip|cidr": "fe80::/10" }, { ip: "fe80::1" })).toBe(true);
    expect(hits({ "ip|cidr": "fe80::/10" }, { ip: "2001:db8::1" })).toBe(false);
  });
  it("base64 and base64offset, alone and after utf16le/utf16be/wide", () => {
    expect(hits({ "a|base64": "ping" }, { a: "cGluZw==" })).toBe(true);
    const offsets = ["ZXZpbCBjb21tYW5k", "V2aWwgY29tbWFuZ", "ldmlsIGNvbW1hbm"];
    for (const o of offsets)
      expect(hits({ "a|base64offset|contains": "evil command" }, { a: `xx${o}yy` })).toBe(true);
    expect(hits({ "a|base64offset|contains": "evil command" }, { a: "ZXZpbA" })).toBe(false);
    const wide = Buffer.from("iex", "utf16le").toString("base64");
    expect(hits({ "a|wide|base64": "iex" }, { a: wide })).toBe(true);
    expect(hits({ "a|utf16le|base64": "iex" }, { a: wide })).toBe(true);
    const be = Buffer.from(Buffer.from("iex", "utf16le").swap16()).toString("base64");
    expect(hits({ "a|utf16be|base64": "iex" }, { a: be })).toBe(true);
    expect(hits({ "a|utf16be|base64": "iex" }, { a: wide })).toBe(false);
  });
  it("windash accepts every dash form", () => {
    for (const cmd of [
      "net user -add",
      "net user /add",
      "net user \u2013add",
      "net user \u2014add",
      "net user \u2015add",
    ])
      expect(hits({ "a|windash|contains": " -add" }, { a: cmd })).toBe(true);
    expect(hits({ "a|windash|contains": " -add" }, { a: "net user +add" })).toBe(false);
  });
  it("exists, fieldref and numeric comparisons", () => {
    expect(hits({ "a|exists": true }, { a: "" })).toBe(true);
    expect(hits({ "a|exists": true }, {})).toBe(false);
    expect(hits({ "a|exists": false }, {})).toBe(true);
    expect(hits({ "a|fieldref": "b" }, { a: "X", b: "x" })).toBe(true);
    expect(hits({ "a|fieldref": "b" }, { a: "x", b: "y" })).toBe(false);
    expect(hits({ "n|gt": 5 }, { n: 6 })).toBe(true);
    expect(hits({ "n|gt": 5 }, { n: 5 })).toBe(false);
    expect(hits({ "n|gte": 5 }, { n: "5" })).toBe(true);
    expect(hits({ "n|lt": 5 }, { n: 4 })).toBe(true);
    expect(hits({ "n|lte": 5 }, { n: 6 })).toBe(false);
    expect(hits({ "n|lt": 5 }, { n: "abc" })).toBe(false);
  });
  it("expand needs placeholder values and says so", () => {
    const rule = compile({ sel: { "user|expand": "%admins%" }, condition: "sel" });
    expect(() => evaluateEvent(rule, { user: "root" })).toThrow(SigmaEvalError);
    expect(evaluateEvent(rule, { user: "ROOT" }, { placeholders: { admins: ["root"] } }).matched).toBe(true);
  });
  it("nested fields by dotted path and arrays of values", () => {
    expect(hits({ "user.name": "bob" }, { user: { name: "bob" } })).toBe(true);
    expect(hits({ "user.name": "bob" }, { "user.name": "bob" })).toBe(true);
    expect(hits({ tags: "b" }, { tags: ["a", "b"] })).toBe(true);
  });
});

describe("conditions", () => {
  const detection = {
    a: { x: 1 },
    b: { y: 1 },
    c: { z: 1 },
    sel_1: { p: 1 },
    sel_2: { q: 1 },
    _hidden: { h: 1 },
  };
  const run = (condition: string, event: Record<string, unknown>) =>
    evaluateEvent(compile({ ...detection, condition }), event);
  it("not binds tighter than and, and tighter than or", () => {
    expect(run("a or b and c", { x: 1 }).matched).toBe(true);
    expect(run("(a or b) and c", { x: 1 }).matched).toBe(false);
    expect(run("not a and b", { y: 1 }).matched).toBe(true);
    expect(run("not a and b", { x: 1, y: 1 }).matched).toBe(false);
    expect(run("not (a and b)", { x: 1 }).matched).toBe(true);
    expect(run("a AND NOT b", { x: 1 }).matched).toBe(true);
  });
  it("1 of / all of patterns and them", () => {
    expect(run("1 of sel_*", { q: 1 }).matched).toBe(true);
    expect(run("all of sel_*", { q: 1 }).matched).toBe(false);
    expect(run("all of sel_*", { p: 1, q: 1 }).matched).toBe(true);
    expect(run("1 of them", { z: 1 }).matched).toBe(true);
    expect(run("1 of them", { h: 1 }).matched).toBe(false);
    expect(run("all of them", { x: 1, y: 1, z: 1, p: 1, q: 1 }).matched).toBe(true);
    expect(run("not 1 of sel_*", { x: 1 }).matched).toBe(true);
  });
  it("reports which selections fired", () => {
    expect(run("a and not b", { x: 1, p: 1 })).toEqual({ matched: true, fired: ["a", "sel_1"] });
  });
});

describe("parseEvents", () => {
  it("reads a JSON object, a JSON array and NDJSON", () => {
    expect(parseEvents('{"a":1}')).toEqual([{ a: 1 }]);
    expect(parseEvents('[{"a":1},{"a":2}]')).toHaveLength(2);
    expect(parseEvents('{"a":1}\n\n{"a":2}\n')).toHaveLength(2);
    expect(() => parseEvents('{"a":1}\n{oops')).toThrow(/line 2 is not valid JSON/);
    expect(() => parseEvents("[1]")).toThrow(/not a JSON object/);
  });
});

describe("bounded evaluation", () => {
  it("answers the rule *a*a*a*a*b on 200 and 400 a's (19 s and minutes with the RegExp)", () => {
    const rule = compile({ sel: { CommandLine: "*a*a*a*a*b" }, condition: "sel" });
    expect(evaluateEvent(rule, { CommandLine: "a".repeat(200) }).matched).toBe(false);
    expect(evaluateEvent(rule, { CommandLine: "a".repeat(400) }).matched).toBe(false);
    expect(evaluateEvent(rule, { CommandLine: `${"a".repeat(400)}b` }).matched).toBe(true);
    const keyword = compile({ sel: ["*a*a*a*a*b"], condition: "sel" });
    expect(evaluateEvent(keyword, { x: "a".repeat(400) }).matched).toBe(false);
  });
  it("runs |re patterns that backtrack in JavaScript in linear time", () => {
    const rule = compile({ sel: { "CommandLine|re": "^(a+)+$" }, condition: "sel" });
    expect(evaluateEvent(rule, { CommandLine: `${"a".repeat(100_000)}b` }).matched).toBe(false);
  });
  it("stops with SigmaBudgetError when the events need more work than the budget", () => {
    const rule = compile({ sel: { "CommandLine|contains": ["x", "y", "z"] }, condition: "sel" });
    const budget = new Budget(100_000);
    const event = { CommandLine: "a".repeat(10_000) };
    expect(() => {
      for (let i = 0; i < 100; i++) evaluateEvent(rule, event, { budget });
    }).toThrow(SigmaBudgetError);
    expect(evaluateEvent(rule, { CommandLine: "axa" }).matched).toBe(true);
  });
  it("charges each value test its fixed cost, so many values over many empty strings stop too", () => {
    const values = Array.from({ length: 4000 }, (_, i) => `v${i}*x`);
    const rule = compile({ sel: { a: values }, condition: "sel" });
    expect(() => evaluateEvent(rule, { a: Array(2000).fill("") })).toThrow(SigmaBudgetError);
    expect(evaluateEvent(rule, { a: ["v12-x"] }).matched).toBe(true);
  });
  it("refuses events nested deeper than the limit instead of recursing into them", () => {
    const deep = `{"a":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    expect(() => parseEvents(deep)).toThrow(/nests arrays or objects more than 32 levels deep/);
    expect(() => parseEvents(`{"a":1}\n${deep}`)).toThrow(/line 2 nests/);
  });
});
