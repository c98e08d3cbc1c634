import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { currentTechniqueId, MOVED_TECHNIQUE_IDS } from "@/lib/attack/moved-techniques";

const folder = (id: string) => path.join(process.cwd(), "content", "techniques", id);

describe("moved techniques", () => {
  it("sends T1219 to T1219.002 and leaves other ids alone", () => {
    expect(currentTechniqueId("T1219")).toBe("T1219.002");
    expect(currentTechniqueId("T1219.001")).toBe("T1219.001");
    expect(currentTechniqueId("constructor")).toBe("constructor");
  });
  it("points every moved id at content that exists, from an id that has none (a redirect never hides a page)", () => {
    for (const id of MOVED_TECHNIQUE_IDS) {
      expect(fs.existsSync(folder(id)), id).toBe(false);
      expect(fs.existsSync(folder(currentTechniqueId(id))), id).toBe(true);
    }
  });
});
