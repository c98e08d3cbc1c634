// |re on RE2: Sigma's flags, linear time on patterns that backtrack in JavaScript, and a clear
// refusal for what RE2 cannot run or what would cost too much to compile.
import { describe, expect, it } from "vitest";
import { MAX_REGEX_CHARS, MAX_REGEX_PROGRAM } from "@/lib/sigma/engine/limits";
import { compileRegex, estimateProgramSize, RegexRefused } from "@/lib/sigma/engine/regex";

const flags = { i: false, m: false, s: false };
const test = (pattern: string, text: string, f: Partial<typeof flags> = {}) =>
  compileRegex(pattern, { ...flags, ...f }).re.test(text);
const refusal = (pattern: string) => {
  try {
    compileRegex(pattern, flags);
  } catch (error) {
    if (error instanceof RegexRefused) return error;
    throw error;
  }
  throw new Error(`${pattern} was accepted`);
};

describe("compileRegex", () => {
  it("searches unanchored, with the i, m and s flags", () => {
    expect(test("b+c", "abbcd")).toBe(true);
    expect(test("^abc$", "ABC")).toBe(false);
    expect(test("^abc$", "ABC", { i: true })).toBe(true);
    expect(test("(?i)^abc$", "ABC")).toBe(true);
    expect(test("^b$", "a\nb")).toBe(false);
    expect(test("^b$", "a\nb", { m: true })).toBe(true);
    expect(test("a.b", "a\nb")).toBe(false);
    expect(test("a.b", "a\nb", { s: true })).toBe(true);
    expect(test("(?i)#\\+?24\\b", "rundll32 x.dll,#+24 1")).toBe(true);
  });
  it("runs patterns that backtrack exponentially in JavaScript in linear time", () => {
    expect(test("^(a+)+$", `${"a".repeat(100_000)}b`)).toBe(false);
    expect(test("(a|aa)+$", `${"a".repeat(100_000)}!`)).toBe(false);
    expect(test("^(a+)+$", "a".repeat(100_000))).toBe(true);
  });
  it("refuses lookaround and back-references, saying why", () => {
    expect(refusal("a(?=b)").message).toMatch(/lookaround.*linear time/);
    expect(refusal("a(?!b)").message).toMatch(/lookaround/);
    expect(refusal("(?<=a)b").message).toMatch(/lookaround/);
    expect(refusal("(?<!a)b").message).toMatch(/lookaround/);
    expect(refusal("(a)\\1").message).toMatch(/back-references/);
    expect(refusal("(?>a)").message).toMatch(/atomic groups/);
    expect(refusal("a++").message).toMatch(/possessive/);
  });
  it("refuses bad syntax with a hint", () => {
    const error = refusal("a(b");
    expect(error.message).toMatch(/invalid regular expression: missing closing \)/);
    expect(error.hint).toMatch(/RE2/);
    expect(refusal("\\u0041").hint).toMatch(/\\x\{41\}/);
  });
  it("refuses long patterns and programs that would be slow to compile", () => {
    expect(refusal("a".repeat(MAX_REGEX_CHARS + 1)).message).toMatch(/over the 1024 limit/);
    expect(refusal("[a-z0-9]{1,999}[a-z]{1,999}[0-9]{1,999}").message).toMatch(
      new RegExp(`over the ${MAX_REGEX_PROGRAM} limit`),
    );
    expect(refusal("((a{100}){100}){100}").message).toMatch(/instructions/);
  });
});

describe("estimateProgramSize", () => {
  it("counts counted repetitions the way RE2 expands them, and stays an upper bound", () => {
    for (const pattern of [
      "abc",
      "[a-f0-9]{64}",
      "\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}",
      "(?i)(\\bIEX\\b|Invoke-Expression|\\.Invoke\\(\\)|&\\s*\\(\\s*\\$)",
      "(a|b)*c{2,5}(?:d+)?",
      "\\Q*+?\\E{3}x",
      "(?P<name>x{10}){3}",
    ]) {
      const { re } = compileRegex(pattern, flags);
      expect(estimateProgramSize(pattern), pattern).toBeGreaterThanOrEqual(re.programSize() - 3);
    }
    expect(estimateProgramSize("a{1000}")).toBeGreaterThanOrEqual(1000);
    expect(estimateProgramSize("(a{10}){10}")).toBeGreaterThan(100);
  });
});
