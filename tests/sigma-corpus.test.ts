// Every Sigma rule in content/ parses without diagnostics, converts to every backend (or fails
// with a stated reason the target cannot express it), and fires on its true-positive samples
// and on none of its benign ones.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { convertRule } from "@/lib/sigma/backends/convert";
import { TARGETS } from "@/lib/sigma/backends/types";
import { evaluateEvent } from "@/lib/sigma/engine/evaluate";
import type { DetectionRule } from "@/lib/sigma/engine/model";
import { parseSigma } from "@/lib/sigma/engine/parse";

const dir = path.join(process.cwd(), "content/techniques");
const ids = fs.readdirSync(dir).filter((id) => fs.existsSync(path.join(dir, id, "sigma.yml")));

// The reasons a backend may give for not converting a rule: each names the construct and why.
const HONEST_REFUSAL = [
  /which Lucene regular expressions cannot express$/,
  /inside an OR cannot be expressed in a Splunk search/,
  /Splunk search has no single-character wildcard/,
  /has no column in (\w+|this logsource) \(lib\/sigma\/pipelines, \w+\); add a mapping/,
  /^no (kql|yara-l|logscale) pipeline maps logsource \{.*\}; add an entry/,
  /which KQL's RE2 engine cannot run$/,
  /EQL wildcard matching cannot escape a literal/,
];

describe.each(ids)("%s sigma.yml", (id) => {
  const { rules, diagnostics } = parseSigma(fs.readFileSync(path.join(dir, id, "sigma.yml"), "utf8"));
  it("parses without errors or warnings", () => {
    expect(diagnostics).toEqual([]);
    expect(rules).toHaveLength(1);
  });
  const rule = rules[0] as DetectionRule;

  it.each(TARGETS)("converts to %s, or refuses with a stated reason", (target) => {
    const result = convertRule(rule, target);
    if ("error" in result)
      expect(
        HONEST_REFUSAL.some((re) => re.test(result.error)),
        result.error,
      ).toBe(true);
    else expect(result.query.length).toBeGreaterThan(10);
  });

  const samplesPath = path.join(dir, id, "samples.yml");
  it.runIf(fs.existsSync(samplesPath))("fires on every true positive and no benign sample", () => {
    const samples = parse(fs.readFileSync(samplesPath, "utf8")) as Record<
      string,
      Array<{ name: string; event: Record<string, unknown> }>
    >;
    for (const s of samples.true_positives ?? [])
      expect(evaluateEvent(rule, s.event).matched, s.name).toBe(true);
    for (const s of samples.benign ?? []) expect(evaluateEvent(rule, s.event).matched, s.name).toBe(false);
  });
});

// UDM and Falcon events have fixed schemas with no home for some Windows event log and proxy
// fields, so the two newer backends refuse more of the corpus (each refusal stated above).
const NEWER: string[] = ["yara-l", "logscale"];
it.each([
  ["the first five backends", TARGETS.filter((t) => !NEWER.includes(t)), 0.85],
  ["yara-l and logscale", TARGETS.filter((t) => NEWER.includes(t)), 0.65],
] as const)("most corpus rule/backend pairs convert on %s", (_, targets, share) => {
  let converted = 0;
  for (const id of ids) {
    const rule = parseSigma(fs.readFileSync(path.join(dir, id, "sigma.yml"), "utf8")).rules[0]!;
    for (const t of targets) if ("query" in convertRule(rule, t)) converted++;
  }
  expect(converted / (ids.length * targets.length)).toBeGreaterThan(share);
});
