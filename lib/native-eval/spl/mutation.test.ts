// Mutation tests on the corpus (issue 14): change a true positive where the Splunk query is
// documented as strict and the evaluation flips from match to miss, naming the deciding clause.
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { contentDir } from "@/lib/content/location";
import { evaluateDetection } from "@/lib/native-eval/run";
import type { PlatformSamples } from "@/lib/content/platform-samples";

const catalog = loadContent(contentDir());

function mutate(technique: string, platform: string, id: string, change: Record<string, unknown>) {
  const t = catalog.techniques.find((x) => x.id === technique)!;
  const detection = t.detections.find((d) => d.platform === platform)!;
  const samples = t.platformSamples[platform]!;
  const before = evaluateDetection(detection, samples);
  const mutated: PlatformSamples = {
    ...samples,
    events: samples.events.map((e) =>
      e.id === id ? { ...e, event: { ...e.event, ...change }, tagged: { ...e.tagged, ...change } } : e,
    ),
  };
  const after = evaluateDetection(detection, mutated);
  const outcome = (r: typeof before) =>
    r.status === "evaluated" ? r.outcomes.find((o) => o.id === id) : undefined;
  return { before: outcome(before), after: outcome(after) };
}

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
