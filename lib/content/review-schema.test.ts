// The review record on technique.mdx: which checklist version, when, by whom.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REVIEW_CHECKLIST_VERSION, techniqueFrontmatterSchema } from "@/lib/content/schema";

const source = fs.readFileSync(path.join(process.cwd(), "content/techniques/T1082/technique.mdx"), "utf8");
const base = parse(source.split(/^---$/m)[1]!) as Record<string, unknown>;
const errors = (review: unknown) => {
  const result = techniqueFrontmatterSchema.safeParse({ ...base, review });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("technique review field", () => {
  it("accepts a review against the current checklist", () => {
    expect(
      errors({ date: "2026-12-06", checklist: REVIEW_CHECKLIST_VERSION, reviewer: "detection-review" }),
    ).toEqual([]);
  });
  it("refuses a missing review, an unknown checklist version, a missing reviewer and a review before the page existed", () => {
    expect(errors({ date: "2026-12-06", checklist: REVIEW_CHECKLIST_VERSION + 1, reviewer: "x" })).toEqual([
      `review.checklist: no checklist after v${REVIEW_CHECKLIST_VERSION} exists yet`,
    ]);
    expect(errors({ date: "2026-12-06", checklist: 1 })).toHaveLength(1);
    expect(errors(undefined)).toEqual(["review: Invalid input: expected object, received undefined"]);
    expect(errors({ date: "2020-01-01", checklist: 1, reviewer: "x" })).toEqual([
      "review.date: must not be before created",
    ]);
  });
});
