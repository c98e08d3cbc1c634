// Mutation tests on the corpus (issue 14): change a true positive where the Splunk query is
// documented as strict and the evaluation flips from match to miss, naming the deciding clause.
import { describe, expect, it } from "vitest";
import { mutateSample, withFields } from "@/tests/support/sample-mutation";

const mutate = (technique: string, platform: string, id: string, change: Record<string, unknown>) =>
  mutateSample(technique, platform, id, withFields(change));

describe("Splunk mutations", () => {
  it("eval/where compare case-sensitively (where): eventName createuser no longer sets created_time (T1136.003)", () => {
    const { before, after } = mutate("T1136.003", "splunk", "tp-1", { eventName: "createuser" });
    expect(before?.actual).toBe(true);
    expect(after?.actual).toBe(false);
    expect(after?.clause).toContain("where isnotnull(created_time)");
  });
  it("a path segment the tstats filter keys on: a Run value moved under ...\\Explorer\\ is not a Run key (T1547.001)", () => {
    const { before, after } = mutate("T1547.001", "splunk", "tp-1", {
      "Registry.registry_path":
        "HKU\\S-1-5-21-3623811015-3361044348-30300820-1188\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\SecurityHealthUpdate",
    });
    expect(before?.actual).toBe(true);
    expect(after?.actual).toBe(false);
    expect(after?.clause).toMatch(/^tstats WHERE /);
  });
  it("the value an exclusion keys on: a rundll32 command line that only registers comsvcs is no dump (T1003.001)", () => {
    const { before, after } = mutate("T1003.001", "splunk", "tp-2", {
      "Processes.process": "rundll32.exe C:\\Windows\\System32\\comsvcs.dll,DllRegisterServer",
    });
    expect(before?.actual).toBe(true);
    expect(after?.actual).toBe(false);
    expect(after?.clause).toBe("where isnotnull(variant)");
  });
});
