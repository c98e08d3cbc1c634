// The Sigma evaluator behind the samples check: field maps are AND, value lists OR, modifiers
// and conditions as in the Sigma specification v2.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SigmaEvalError, sigmaMatches } from "@/lib/verify/sigma-eval";

const detection = parse(String.raw`
selection_img:
  Image|endswith: '\rundll32.exe'
selection_cmd:
  CommandLine|contains|all: [comsvcs, minidump]
selection_alt:
  - CommandLine|re: '(?i)#\+?24\b'
  - ParentImage|startswith: 'C:\Users\'
filter_wer:
  ParentImage|endswith: '\WerFault.exe'
filter_null:
  User: null
condition: selection_img and (selection_cmd or 1 of selection_alt*) and not 1 of filter_*
`) as Record<string, unknown>;

const event = (overrides: Record<string, unknown>) => ({
  Image: "C:\\Windows\\System32\\RUNDLL32.EXE",
  CommandLine: "rundll32 C:\\windows\\system32\\comsvcs.dll, MiniDump 624 out.dmp full",
  ParentImage: "C:\\Windows\\explorer.exe",
  User: "CONTOSO\\alice",
  ...overrides,
});

describe("sigmaMatches", () => {
  it("matches case-insensitively with endswith, contains|all and conditions", () => {
    expect(sigmaMatches(detection, event({}))).toBe(true);
  });
  it("needs every value of |all and respects not 1 of filter_*", () => {
    expect(sigmaMatches(detection, event({ CommandLine: "rundll32 comsvcs.dll" }))).toBe(false);
    expect(sigmaMatches(detection, event({ ParentImage: "C:\\Windows\\System32\\WerFault.exe" }))).toBe(
      false,
    );
    expect(sigmaMatches(detection, event({ User: undefined }))).toBe(false);
  });
  it("ORs list entries and evaluates regexes", () => {
    expect(sigmaMatches(detection, event({ CommandLine: "rundll32 x.dll,#+24 1 2" }))).toBe(true);
    expect(
      sigmaMatches(
        detection,
        event({ CommandLine: "rundll32 x.dll,#2", ParentImage: "C:\\Users\\bob\\a.exe" }),
      ),
    ).toBe(true);
  });
  it("reads nested fields and cidr", () => {
    const rule = {
      sel: { "userIdentity.type": "Root", "sourceIPAddress|cidr": "10.0.0.0/8" },
      condition: "sel",
    };
    expect(sigmaMatches(rule, { userIdentity: { type: "Root" }, sourceIPAddress: "10.2.3.4" })).toBe(true);
    expect(sigmaMatches(rule, { userIdentity: { type: "Root" }, sourceIPAddress: "11.2.3.4" })).toBe(false);
  });
  it("refuses what it does not implement instead of guessing", () => {
    expect(() =>
      sigmaMatches({ sel: { "a|base64offsett|contains": "x" }, condition: "sel" }, { a: "x" }),
    ).toThrow(SigmaEvalError);
    expect(() => sigmaMatches({ sel: { "a|expand": "%admins%" }, condition: "sel" }, { a: "x" })).toThrow(
      SigmaEvalError,
    );
    expect(() => sigmaMatches({ sel: { a: "x" }, condition: "sel | count() > 5" }, { a: "x" })).toThrow(
      SigmaEvalError,
    );
  });
});
