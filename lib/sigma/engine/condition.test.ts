// The condition parser under hostile input: deep nesting and long chains give a located
// ConditionError (they overflowed the stack or ran for seconds), and of-patterns match names
// without a backtracking RegExp.
import { describe, expect, it } from "vitest";
import { ConditionError, parseCondition, resolveOf } from "@/lib/sigma/engine/condition";
import { MAX_CONDITION_CHARS, MAX_CONDITION_DEPTH } from "@/lib/sigma/engine/limits";

function conditionError(text: string): ConditionError {
  try {
    parseCondition(text);
  } catch (error) {
    if (error instanceof ConditionError) return error;
    throw error;
  }
  throw new Error("the condition was accepted");
}

describe("parseCondition limits", () => {
  it("answers 5,000 nested parentheses with a located error, not a RangeError", () => {
    const error = conditionError(`${"(".repeat(5000)}sel${")".repeat(5000)}`);
    expect(error.message).toMatch(/over the 4096 limit/);
    expect(error.offset).toBe(MAX_CONDITION_CHARS);
  });
  it("answers 20,000 nots with a located error", () => {
    expect(conditionError(`${"not ".repeat(20000)}sel`).message).toMatch(/characters, over the/);
  });
  it("locates nesting deeper than the limit at the parenthesis or not that crosses it", () => {
    const depth = MAX_CONDITION_DEPTH + 1;
    const parens = conditionError(`${"(".repeat(depth)}sel${")".repeat(depth)}`);
    expect(parens.message).toMatch(/more than 32 levels deep/);
    expect(parens.offset).toBe(MAX_CONDITION_DEPTH);
    const nots = conditionError(`${"not ".repeat(depth)}sel`);
    expect(nots.offset).toBe(MAX_CONDITION_DEPTH * 4);
    const mixed = conditionError(`${"not (".repeat(20)}sel${")".repeat(20)}`);
    expect(mixed.message).toMatch(/levels deep/);
  });
  it("still parses nesting up to the limit", () => {
    const ok = parseCondition(`${"(".repeat(MAX_CONDITION_DEPTH)}a or b${")".repeat(MAX_CONDITION_DEPTH)}`);
    expect(ok).toEqual({
      type: "or",
      args: [
        { type: "id", name: "a" },
        { type: "id", name: "b" },
      ],
    });
    expect(parseCondition(`${"not ".repeat(MAX_CONDITION_DEPTH)}a`)).toMatchObject({ type: "not" });
  });
  it("rejects a 240 KB and chain and parses a long one within the limit flat", () => {
    expect(conditionError(Array(30000).fill("sel").join(" and ")).message).toMatch(
      /the condition is 239995 characters/,
    );
    const names = Array.from({ length: 400 }, (_, i) => `s${i}`);
    const chain = parseCondition(names.join(" and "));
    expect(chain).toMatchObject({ type: "and" });
    expect((chain as { args: unknown[] }).args).toHaveLength(400);
  });
});

describe("resolveOf", () => {
  it("matches * patterns case-sensitively, other characters literally", () => {
    const names = ["sel_a", "sel_b", "Sel_c", "filter", "sel.x", "_hidden"];
    expect(resolveOf("sel_*", names)).toEqual(["sel_a", "sel_b"]);
    expect(resolveOf("sel.*", names)).toEqual(["sel.x"]);
    expect(resolveOf("them", names)).toEqual(["sel_a", "sel_b", "Sel_c", "filter", "sel.x"]);
  });
  it("does not backtrack on patterns like *a*a*a*b against long names", () => {
    const long = "a".repeat(50_000);
    expect(resolveOf("*a*a*a*a*a*a*b", [long, `${long}b`])).toEqual([`${long}b`]);
  });
});
