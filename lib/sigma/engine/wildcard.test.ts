// The linear wildcard matcher: Sigma semantics, the same answers as the anchored RegExp it
// replaced (checked on many small cases, where the RegExp is still quick), and the pattern that
// made that RegExp backtrack for minutes.
import { describe, expect, it } from "vitest";
import { Budget, SigmaBudgetError } from "@/lib/sigma/engine/budget";
import type { StringPart } from "@/lib/sigma/engine/model";
import { parseWildcards } from "@/lib/sigma/engine/modifiers";
import { foldCase, WildcardPattern } from "@/lib/sigma/engine/wildcard";

const matches = (value: string, text: string, cased = false) =>
  new WildcardPattern(parseWildcards(value), cased).test(text);

/** The matcher this replaces: each * as [\s\S]*, each ? as [\s\S], anchored, i unless cased. */
function oldRegex(parts: StringPart[], cased: boolean): RegExp {
  const body = parts
    .map((p) =>
      typeof p === "string"
        ? p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
        : p.wildcard === "*"
          ? "[\\s\\S]*"
          : "[\\s\\S]",
    )
    .join("");
  return new RegExp(`^${body}$`, cased ? "" : "i");
}

describe("WildcardPattern", () => {
  it("matches whole values with * and ?, case-insensitively unless cased", () => {
    expect(matches("a*c", "abbbc")).toBe(true);
    expect(matches("a*c", "abbbcd")).toBe(false);
    expect(matches("a?c", "aXc")).toBe(true);
    expect(matches("a?c", "ac")).toBe(false);
    expect(matches("*.EXE", "c:\\x\\cmd.exe")).toBe(true);
    expect(matches("Foo", "fOO")).toBe(true);
    expect(matches("Foo", "fOO", true)).toBe(false);
    expect(matches("", "")).toBe(true);
    expect(matches("", "x")).toBe(false);
    expect(matches("*", "")).toBe(true);
    expect(matches("**", "anything")).toBe(true);
    expect(matches("a*b*a", "aba")).toBe(true);
    expect(matches("a*b*a", "ab")).toBe(false);
    expect(matches("ab*ba", "aba")).toBe(false);
  });
  it("treats escaped wildcards as literals", () => {
    expect(matches("a\\*c", "a*c")).toBe(true);
    expect(matches("a\\*c", "abc")).toBe(false);
    expect(matches("a\\?", "a?")).toBe(true);
    expect(matches("C:\\Windows\\\\*", "C:\\Windows\\cmd.exe")).toBe(true);
  });
  it("contains, startswith and endswith are stars around the value", () => {
    const star = { wildcard: "*" } as const;
    const contains = new WildcardPattern([star, "MiD", star], false);
    expect(contains.test("xxmidxx")).toBe(true);
    expect(contains.test("xxmixx")).toBe(false);
    expect(new WildcardPattern(["st", star], false).test("START")).toBe(true);
    expect(new WildcardPattern([star, ".exe"], false).test("a.exe.txt")).toBe(false);
    expect(new WildcardPattern([star, ...parseWildcards("a?c"), star], false).test("zzabczz")).toBe(true);
    expect(new WildcardPattern([star, "a?c", star], false).test("zzabczz")).toBe(false);
  });
  it("folds case exactly as the RegExp i flag did (no ASCII from non-ASCII, no expansions)", () => {
    expect(foldCase("straße")).toBe("STRAßE");
    expect(matches("ı", "I")).toBe(false);
    expect(matches("ſ", "s")).toBe(false);
    expect(matches("é?", "Éx")).toBe(true);
    expect(matches("?", "😀")).toBe(false);
    expect(matches("??", "😀")).toBe(true);
  });
  it("gives the same answers as the anchored RegExp on every small case", () => {
    const alphabet = ["a", "b", "A", "*", "?"];
    const texts = ["", "a", "b", "A", "ab", "ba", "aab", "abab", "bbaa", "aAbB", "abba", "baab", "aaaa"];
    const patterns: string[] = [""];
    for (let len = 1; len <= 4; len++)
      for (const prefix of patterns.filter((p) => p.length === len - 1))
        for (const c of alphabet) patterns.push(prefix + c);
    let compared = 0;
    for (const p of patterns)
      for (const cased of [false, true]) {
        const parts = parseWildcards(p);
        const mine = new WildcardPattern(parts, cased);
        const old = oldRegex(parts, cased);
        for (const t of texts) {
          expect(mine.test(t), `${JSON.stringify(p)} on ${JSON.stringify(t)}`).toBe(old.test(t));
          compared++;
        }
      }
    expect(compared).toBeGreaterThan(20_000);
  });
  it("answers the backtracking case *a*a*a*a*b on 200 and 400 a's (it froze the server)", () => {
    const pattern = new WildcardPattern(parseWildcards("*a*a*a*a*b"), false);
    expect(pattern.test("a".repeat(200))).toBe(false);
    expect(pattern.test("a".repeat(400))).toBe(false);
    expect(pattern.test("a".repeat(100_000))).toBe(false);
    expect(pattern.test(`${"a".repeat(400)}b`)).toBe(true);
    const many = new WildcardPattern(parseWildcards(`${"*a".repeat(30)}*b`), false);
    expect(many.test("a".repeat(100_000))).toBe(false);
  });
  it("charges its work to a budget and stops when it runs out", () => {
    const pattern = new WildcardPattern(parseWildcards("*a?a?a?b*"), false);
    const budget = new Budget(10_000);
    expect(() => {
      for (;;) pattern.test("a".repeat(1000), budget);
    }).toThrow(SigmaBudgetError);
    expect(budget.used).toBeGreaterThan(10_000);
  });
});

describe("foldCase", () => {
  it("keeps dotless i, long s and surrogate pairs, and charges the slow paths", () => {
    expect(foldCase("aıbſc😀é")).toBe("AıBſC😀É");
    expect(foldCase("ßx")).toBe("ßX");
    const budget = new Budget(1_000_000);
    expect(() => foldCase("ıé".repeat(20_000), budget)).toThrow(SigmaBudgetError);
    expect(() => foldCase("ßé".repeat(20_000), new Budget(1_000_000))).toThrow(SigmaBudgetError);
    expect(foldCase("é".repeat(20_000), new Budget(1))).toBe("É".repeat(20_000));
  });
});
