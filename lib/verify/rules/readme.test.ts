// content/README.md lists every semantic rule with its vendor documentation, so the table a
// writer reads cannot drift from the rules content:verify runs.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "@/lib/verify/rules/index";

const readme = fs.readFileSync(path.join(process.cwd(), "content", "README.md"), "utf8");

describe("content/README.md rule table", () => {
  for (const rule of RULES.filter((r) => !r.id.startsWith("names-")))
    it(`lists ${rule.id} with its reason and documentation link`, () => {
      const row = readme.split("\n").find((l) => l.startsWith(`| \`${rule.id}\` |`));
      expect(row).toBeDefined();
      expect(row).toContain(rule.docs);
      expect(row).toContain(rule.reason.replace(/\|/g, "\\|"));
    });
});
