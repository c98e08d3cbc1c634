// Mutation tests on the corpus (issue 14): change a SecOps true positive where the YARA-L rule is
// documented as strict, and the evaluation flips from match to miss, naming the deciding statement.
import { describe, expect, it } from "vitest";
import { mutateSample, setPath } from "@/tests/support/sample-mutation";

const mutate = (technique: string, platform: string, id: string, path: string, value: unknown) =>
  mutateSample(technique, platform, id, (e) => setPath(e, path, value));

describe("SecOps mutations", () => {
  it("a regex without nocase is case-sensitive: attachuserpolicy is not AttachUserPolicy (T1098)", () => {
    const { before, after } = mutate(
      "T1098",
      "secops",
      "tp-1",
      "metadata.product_event_type",
      "attachuserpolicy",
    );
    expect(before?.actual).toBe(true);
    expect(after?.actual).toBe(false);
    expect(after?.clause).toBe(
      "$e.metadata.product_event_type = /^(AttachUserPolicy|PutUserPolicy|AddUserToGroup)$/",
    );
  });

  it("the value an exclusion keys on: a System32 service DLL's ServiceMain (T1569.002)", () => {
    const { before, after } = mutate(
      "T1569.002",
      "secops",
      "tp-3",
      "target.process.command_line",
      "rundll32.exe C:\\Windows\\system32\\appmgmts.dll,ServiceMain",
    );
    expect(before?.actual).toBe(true);
    expect(after?.actual).toBe(false);
    expect(after?.clause).toMatch(/^not \$p\.target\.process\.command_line = \/rundll32/);
  });

  it("a path segment: procdump64.exe.bak is not procdump64.exe (T1003.001)", () => {
    const { before, after } = mutate(
      "T1003.001",
      "secops",
      "tp-1",
      "target.process.file.full_path",
      "C:\\Windows\\Temp\\procdump64.exe.bak",
    );
    expect(before?.actual).toBe(true);
    expect(after?.actual).toBe(false);
    expect(after?.clause).toMatch(/^\( \( \$p\.target\.process\.file\.full_path = /);
  });
});
