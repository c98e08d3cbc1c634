// Mutation tests on the corpus (issue 14): change a true positive where the LogScale query is
// documented as strict and the evaluation flips from match to miss, naming the deciding clause.
import { describe, expect, it } from "vitest";
import { mutateSample, withFields } from "@/tests/support/sample-mutation";

const mutate = (technique: string, id: string, change: Record<string, unknown>) =>
  mutateSample(technique, "logscale", id, withFields(change));

describe("LogScale mutations", () => {
  it("field=value is case-sensitive (syntax-operators.html): event_platform=win is not Win (T1047)", () => {
    const { before, after } = mutate("T1047", "tp-1", { event_platform: "win" });
    expect(before?.actual).toBe(true);
    expect(after?.actual).toBe(false);
    expect(after?.clause).toBe("#event_simpleName=ProcessRollup2 event_platform=Win");
  });
  it("a path segment: ImageFileName outside \\Windows\\ no longer matches the Windows-root service branch (T1021.002)", () => {
    const { before, after } = mutate("T1021.002", "tp-2", {
      ImageFileName: "\\Device\\HarddiskVolume3\\ProgramData\\svc.exe",
    });
    expect(before?.actual).toBe(true);
    expect(after?.actual).toBe(false);
    expect(after?.clause).toMatch(/^case \{.*no branch matched$/);
  });
  it("the value an exclusion keys on: a UserName ending in $ is a machine account (T1003.006)", () => {
    const { before, after } = mutate("T1003.006", "tp-1", { UserName: "WS-ENG-033$" });
    expect(before?.actual).toBe(true);
    expect(after?.actual).toBe(false);
    expect(after?.clause).toBe("UserName!=/\\$$/");
  });
});
