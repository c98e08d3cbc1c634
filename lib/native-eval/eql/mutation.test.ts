// Mutation tests on the corpus (issue 14): change an Elastic true positive where the EQL or ES|QL
// query is documented as strict, and the evaluation flips from match to miss, naming the clause.
import { describe, expect, it } from "vitest";
import { mutateSample, setPath } from "@/tests/support/sample-mutation";

const mutate = (technique: string, platform: string, id: string, path: string, value: unknown) =>
  mutateSample(technique, platform, id, (e) => setPath(e, path, value));

describe("Elastic mutations", () => {
  it("EQL: the value an exclusion keys on, SubjectUserSid S-1-5-18 (T1003.006)", () => {
    const { before, after } = mutate(
      "T1003.006",
      "elastic",
      "tp-1",
      "winlog.event_data.SubjectUserSid",
      "S-1-5-18",
    );
    expect(before?.actual).toBe(true);
    expect(after?.actual).toBe(false);
    expect(after?.clause).toBe('not winlog.event_data.SubjectUserSid == "S-1-5-18"');
  });

  it("EQL: a path segment, a service's Description value is not its ImagePath (T1543.003)", () => {
    const { before, after } = mutate(
      "T1543.003",
      "elastic",
      "tp-1",
      "registry.path",
      "HKLM\\SYSTEM\\ControlSet001\\Services\\WinHelperSvc\\Description",
    );
    expect(before?.actual).toBe(true);
    expect(after?.actual).toBe(false);
    expect(after?.clause).toMatch(/^registry\.path : \(/);
  });

  it("ES|QL: == is case-sensitive, host.os.type Windows is not windows (T1018)", () => {
    const { before, after } = mutate("T1018", "elastic", "tp-1", "host.os.type", "Windows");
    expect(before?.actual).toBe(true);
    expect(after?.actual).toBe(false);
    expect(after?.clause).toBe('WHERE host.os.type == "windows" AND event.type == "start"');
  });
});
