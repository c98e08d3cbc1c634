import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkAtomic, loadAtomicIndex } from "@/lib/verify/atomic";
import type { RawTechnique } from "@/lib/verify/corpus";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atomic-"));
const csv = path.join(dir, "index.csv");
fs.writeFileSync(
  csv,
  [
    "Tactic,Technique #,Technique Name,Test #,Test Name,Test GUID,Executor Name",
    'execution,T1059.001,"Command and Scripting Interpreter: PowerShell",6,"Powershell MsXml COM object - with prompt",388a7340-dbc1-4c9d-8e59-b75ad8c6d5da,command_prompt',
    "execution,T1059.001,Command and Scripting Interpreter: PowerShell,7,Powershell XML requests,4396927f-e503-427b-b023-31049b9b09a6,command_prompt",
  ].join("\n") + "\n",
);
const index = loadAtomicIndex(csv);
const technique = (atomic: Record<string, unknown>): RawTechnique =>
  ({
    id: "T1059.001",
    technique: {
      file: "techniques/T1059.001/technique.mdx",
      data: { tests: [{ id: "a" }, { id: "b", atomic }] },
    },
    detections: [],
    sigmaSource: null,
  }) as unknown as RawTechnique;
const msxml = {
  technique: "T1059.001",
  number: 6,
  guid: "388a7340-dbc1-4c9d-8e59-b75ad8c6d5da",
  name: "Powershell MsXml COM object - with prompt",
};

describe("checkAtomic", () => {
  it("passes a test whose technique, number, GUID and name match the index (quoted CSV fields included)", () => {
    expect(checkAtomic(technique(msxml), index)).toEqual([]);
  });
  it("reports a stale number, a wrong name and an unknown GUID", () => {
    expect(
      checkAtomic(technique({ ...msxml, number: 7, name: "MsXml" }), index).map(
        (i) => `${i.field}: ${i.reason}`,
      ),
    ).toEqual([
      "tests[1].atomic.number: this test is number 6 in T1059.001",
      'tests[1].atomic.name: the test is named "Powershell MsXml COM object - with prompt"',
    ]);
    expect(
      checkAtomic(technique({ ...msxml, guid: "00000000-0000-4000-8000-000000000000" }), index),
    ).toHaveLength(1);
  });
});
