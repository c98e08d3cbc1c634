// The corpus-wide checks catch what they promise on small synthetic techniques.
import { describe, expect, it } from "vitest";
import type { RawCorpus, RawTechnique } from "@/lib/verify/corpus";
import { checkAttack, type AttackIndex } from "@/lib/verify/attack";
import { checkLinks } from "@/lib/verify/links";
import { checkDuplicateProse, paragraphs } from "@/lib/verify/prose";
import { checkSections } from "@/lib/verify/sections";
import { checkSigma, checkUniqueIds, officialSigmaValidator } from "@/lib/verify/sigma";
import { PRO_SECTIONS } from "@/lib/content/schema";

const LONG =
  "Adversaries dump LSASS memory with signed Windows binaries so the dump looks like routine troubleshooting.";

function technique(id: string, overrides: Partial<RawTechnique> = {}): RawTechnique {
  const dir = `techniques/${id}`;
  return {
    id,
    technique: {
      file: `${dir}/technique.mdx`,
      data: {
        id,
        name: "LSASS Memory",
        parent: "T1003",
        parent_name: "OS Credential Dumping",
        tactics: ["credential-access"],
        attack_version: "18.1",
        related: [],
        platform_gaps: [{ platform: "logscale", reason: "x" }],
        sigma_filters: [
          { advice: "Exclude WER.", filter: "filter_wer:\n  Image|endswith: '\\WerFault.exe'\n" },
        ],
        tests: [{ id: "procdump" }, { id: "comsvcs" }],
      },
      body: `${LONG}\n\nSee [cloud accounts](/techniques/T1078.004) and [Splunk](/platforms/splunk).\n`,
      bodyLine: 20,
    },
    detections: [
      {
        file: `${dir}/detections/splunk.mdx`,
        data: { id: "0b7f0c8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b" },
        body: "",
        bodyLine: 10,
      },
    ],
    pro: PRO_SECTIONS.map((s) => ({
      file: `${dir}/pro/${s}.mdx`,
      data: {},
      body:
        s === "test-commands" ? "## procdump\n\n```powershell\n## not a heading\n```\n\n## `comsvcs`\n" : "",
      bodyLine: 5,
    })),
    samples: { true_positives: [{}, {}], benign: [{}, {}] },
    sigmaSource: `title: LSASS dump
id: 6f1d2c3b-4a5e-4f60-9a7b-8c9d0e1f2a3b
status: test
description: x
author: Detection Atlas
date: 2026-11-28
tags: [attack.credential-access, attack.t1003.001]
logsource: { product: windows, category: process_access }
detection:
  selection:
    TargetImage|endswith: '\\lsass.exe'
  condition: selection
level: high
`,
    ...overrides,
  };
}

const attack: AttackIndex = new Map([
  ["T1003", { name: "OS Credential Dumping", current: true, tactics: ["credential-access"] }],
  ["T1003.001", { name: "LSASS Memory", current: true, tactics: ["credential-access"] }],
  ["T1078.004", { name: "Cloud Accounts", current: true, tactics: ["defense-evasion", "persistence"] }],
  ["T1086", { name: "PowerShell", current: false, tactics: ["execution"] }],
]);

describe("checkSections", () => {
  it("passes a complete technique", () => {
    expect(checkSections(technique("T1003.001"), ["splunk", "logscale"])).toEqual([]);
  });
  it("reports a missing platform, Pro section, samples, filters and test heading", () => {
    const t = technique("T1003.001", { samples: { true_positives: [{}], benign: [{}, {}] } });
    t.technique!.data.sigma_filters = [];
    t.technique!.data.tests = [{ id: "procdump" }, { id: "not-a-heading" }];
    t.pro = t.pro.filter((p) => !p.file.endsWith("tuning-guidance.mdx"));
    const reasons = checkSections(t, ["splunk", "logscale", "sentinel"]).map(
      (i) => `${i.field}: ${i.reason}`,
    );
    expect(reasons).toEqual([
      "platform_gaps: no detections/sentinel.mdx and no platform_gaps entry explaining why sentinel is not covered",
      "(file): Pro section is missing",
      "true_positives: has 1 event(s); at least 2 are needed",
      "sigma_filters: needs at least one Sigma filter with advice",
      '(body): no "## not-a-heading" heading for test not-a-heading from technique.mdx',
    ]);
  });
});

describe("checkAttack", () => {
  it("passes a correct mapping", () => {
    expect(checkAttack(technique("T1003.001"), attack)).toEqual([]);
  });
  it("reports wrong names, tactics, parents, revoked related ids and stray Sigma tactic tags", () => {
    const t = technique("T1003.001");
    Object.assign(t.technique!.data, {
      name: "LSASS",
      tactics: ["execution"],
      parent_name: "Dumping",
      related: ["T1086", "T9999"],
    });
    t.sigmaSource = t.sigmaSource!.replace("attack.credential-access", "attack.execution");
    expect(checkAttack(t, attack).map((i) => `${i.field}: ${i.reason}`)).toEqual([
      'name: is "LSASS"; ATT&CK calls T1003.001 "LSASS Memory"',
      "tactics: are [execution]; ATT&CK lists [credential-access]",
      'parent_name: is "Dumping"; ATT&CK calls T1003 "OS Credential Dumping"',
      "related[0]: T1086 is revoked or deprecated in ATT&CK v18.1",
      "related[1]: T9999 is not in ATT&CK v18.1",
      "tags: attack.execution is not a tactic of the tagged techniques (T1003.001: credential-access)",
    ]);
  });
});

describe("checkSigma", () => {
  const official = officialSigmaValidator();
  it("passes a valid rule with a valid filter", () => {
    expect(checkSigma(technique("T1003.001"), official)).toEqual([]);
  });
  it("reports schema failures, non-v4 ids and malformed filters", () => {
    const t = technique("T1003.001", {
      sigmaSource: technique("T1003.001")
        .sigmaSource!.replace("6f1d2c3b-4a5e-4f60", "6f1d2c3b-4a5e-1f60")
        .replace("level: high", "level: severe"),
    });
    t.technique!.data.sigma_filters = [{ advice: "x", filter: "wer:\n  Image: x\n" }];
    const fields = checkSigma(t, official).map((i) => i.field);
    expect(fields).toContain("/level");
    expect(fields).toContain("id");
    expect(fields).toContain("sigma_filters[0].filter");
  });
  it("reports an id used twice", () => {
    const a = technique("T1003.001");
    const b = technique("T1003.002");
    expect(checkUniqueIds([a, b])).toHaveLength(4);
  });
});

describe("checkDuplicateProse", () => {
  it("splits Markdown into paragraphs and list items, without code or headings", () => {
    expect(paragraphs("# Title\n\nOne\ntwo.\n\n- a\n- b\n\n```kql\nT | take 1\n```\n| table |\n")).toEqual([
      "One two.",
      "- a",
      "- b",
    ]);
  });
  it("reports a paragraph on two pages with the other file, and ignores short lines", () => {
    const a = technique("T1003.001");
    const b = technique("T1003.002");
    b.detections[0]!.data = { false_positives: [`**${LONG.toUpperCase()}**`, "Backup agents."] };
    b.technique!.body = "Backup agents.";
    const issues = checkDuplicateProse([a, b]);
    expect(issues.map((i) => `${i.file}: ${i.field}`)).toEqual([
      "techniques/T1003.001/technique.mdx: (body)",
      "techniques/T1003.002/detections/splunk.mdx: false_positives[0]",
    ]);
    expect(issues[0]!.reason).toContain(
      "also appears in techniques/T1003.002/detections/splunk.mdx (false_positives[0])",
    );
  });
});

describe("checkLinks", () => {
  const corpus = (t: RawTechnique): RawCorpus => ({
    techniques: [t, technique("T1078.004")],
    platforms: ["splunk"],
    issues: [],
  });
  it("passes links to existing pages, ignoring code and external links", () => {
    const t = technique("T1003.001");
    t.technique!.body +=
      "\n`[x](/nope)` and [MITRE](https://attack.mitre.org) and [x](/techniques/T1078.004/splunk)\n";
    expect(checkLinks(t, corpus(t))).toEqual([]);
  });
  it("reports missing techniques, detections, platforms and relative links with their line", () => {
    const t = technique("T1003.001");
    t.technique!.body =
      "[a](/techniques/T1110)\n[b](/techniques/T1078.004/elastic)\n[c](/platforms/qradar)\n[d](../T1078.004)\n";
    expect(checkLinks(t, corpus(t)).map((i) => `${i.field}: ${i.reason}`)).toEqual([
      '(body) line 20: link "/techniques/T1110" does not resolve to a page',
      '(body) line 21: link "/techniques/T1078.004/elastic" does not resolve to a page',
      '(body) line 22: link "/platforms/qradar" does not resolve to a page',
      '(body) line 23: link "../T1078.004" is relative; use a site path such as /techniques/T1059.001',
    ]);
  });
});

describe("checkSigma through the engine's parser", () => {
  const official = officialSigmaValidator();
  const source = technique("T1003.001").sigmaSource!;
  it("reports an unknown modifier and an undefined condition name at their line and column", () => {
    const broken = source.replace(/condition: (.*)/, "condition: $1 or missing_selection");
    const t = technique("T1003.001", { sigmaSource: broken.replace("|endswith:", "|endswit:") });
    const engine = checkSigma(t, official).filter((i) => i.reason.startsWith("Sigma engine:"));
    const lineOf = (needle: string) => broken.split("\n").findIndex((l) => l.includes(needle)) + 1;
    expect(engine.map((i) => i.field)).toEqual([
      expect.stringMatching(new RegExp(`\\|endswit line ${lineOf("|endswith:")}:\\d+$`)),
      `detection.condition line ${lineOf("missing_selection")}:${broken.split("\n")[lineOf("missing_selection") - 1]!.indexOf("missing_selection") + 1}`,
    ]);
  });
  it("locates a YAML syntax error instead of naming only the file", () => {
    const t = technique("T1003.001", { sigmaSource: source.replace(/\|endswith: (.*)/, "|endswith: [$1") });
    const issues = checkSigma(t, official);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.field).toMatch(/^\(file\) line \d+:\d+$/);
    expect(issues[0]!.reason).toContain("YAML");
  });
});
