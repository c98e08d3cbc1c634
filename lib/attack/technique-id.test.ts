import { describe, expect, it } from "vitest";
import { canonicalTechniqueId } from "@/lib/attack/technique-id";

describe("canonicalTechniqueId", () => {
  it.each([
    ["T1021.007", "T1021.007"],
    ["t1021.007", "T1021.007"],
    ["T1021-007", "T1021.007"],
    ["t1021_007", "T1021.007"],
    ["T1021/007", "T1021.007"],
    ["t1021", "T1021"],
  ])("%s -> %s", (input, expected) => expect(canonicalTechniqueId(input)).toBe(expected));

  it.each(["T102", "T1021.07", "X1021", "T1021..007", "T1021.0071", "", "T1021.007\n", "T".repeat(100)])(
    "rejects %j",
    (input) => expect(canonicalTechniqueId(input)).toBeNull(),
  );
});
