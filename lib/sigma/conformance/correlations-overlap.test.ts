// One event that matches two rules of a multi-rule correlation counts for each rule: the
// correlation specification's Event Count "Counts events occurring in the given time frame
// specified by the referred Sigma rule or rules", i.e. an event of each referenced rule, and
// pySigma's backends union one query per rule (Splunk multisearch, KQL union), where such an event
// appears once per rule. Every backend here agrees or refuses: ES|QL labels the event with every
// rule it matches (SPLIT + MV_EXPAND, one row per rule), LogScale appends each matching rule to an
// array (array:append) and split()s it into one event per rule, and YARA-L, whose one event
// variable holds the event once, refuses counts and sums over several rules.
import { describe, expect, it } from "vitest";
import { convertRule } from "@/lib/sigma/backends/convert";
import type { Target } from "@/lib/sigma/backends/types";
import { parseSigma } from "@/lib/sigma/engine/parse";

// A whoami.exe process whose command line says whoami matches both rules.
const RULES = `title: Whoami by command line
name: whoami_cmd
logsource: { product: windows, category: process_creation }
detection:
  sel:
    CommandLine|contains: whoami
  condition: sel
---
title: Whoami by image
name: whoami_image
logsource: { product: windows, category: process_creation }
detection:
  sel:
    Image|endswith: '\\whoami.exe'
  condition: sel
`;

function output(body: string, target: Target): string {
  const { rules, diagnostics } = parseSigma(`title: C\nname: c\ncorrelation:\n${body}\n---\n${RULES}`);
  expect(diagnostics).toEqual([]);
  const r = convertRule(rules[0]!, target, undefined, rules);
  return "error" in r ? `refused: ${r.error}` : r.query;
}
const lines = (...l: string[]) => l.join("\n");

const eventCount = `  type: event_count\n  rules: [whoami_cmd, whoami_image]\n  group-by: [Computer]\n  timespan: 5m\n  condition: { gte: 2 }`;

describe("event_count over two rules: an event of both counts twice", () => {
  it.each<[Target, string, string]>([
    [
      "splunk",
      "multisearch runs each rule's search: the event is in both result sets (Search Reference: multisearch)",
      lines(
        "| multisearch",
        `  [search process="*whoami*" | eval sigma_rule="whoami_cmd", Computer='dest']`,
        `  [search process_path="*\\\\whoami.exe" | eval sigma_rule="whoami_image", Computer='dest']`,
        "| bin _time span=5m",
        "| stats count as event_count by _time Computer",
        "| search event_count >= 2",
      ),
    ],
    [
      "kql",
      "union keeps the rows of every subquery, duplicates included (KQL union operator)",
      lines(
        "union",
        '    (DeviceProcessEvents | where ProcessCommandLine contains "whoami" | extend sigma_rule = "whoami_cmd", Computer = DeviceName),',
        '    (DeviceProcessEvents | where FolderPath endswith "\\\\whoami.exe" | extend sigma_rule = "whoami_image", Computer = DeviceName)',
        "| summarize event_count = count() by bin(Timestamp, 5m), Computer",
        "| where event_count >= 2",
      ),
    ],
    [
      "lucene",
      "no aggregation",
      "refused: Lucene is a search syntax without aggregation, grouping or ordering, so no correlation type can be expressed; use ES|QL or EQL",
    ],
    [
      "esql",
      "each matching rule's label, joined, SPLIT into a multivalue and MV_EXPANDed to one row per rule (ES|QL SPLIT, MV_EXPAND; MV_APPEND is null when either side is)",
      lines(
        "from logs-windows.sysmon_operational-*",
        '| eval sigma_rules = concat(case(to_lower(process.command_line) like "*whoami*", "whoami_cmd", ""), ",", case(to_lower(process.executable) like "*\\\\\\\\whoami.exe", "whoami_image", ""))',
        '| where sigma_rules != ","',
        '| eval sigma_rule = split(sigma_rules, ",")',
        "| mv_expand sigma_rule",
        '| where sigma_rule != ""',
        '| eval Computer = case(sigma_rule == "whoami_cmd", host.name, sigma_rule == "whoami_image", host.name)',
        "| stats event_count = count(*) by time_window = date_trunc(5 minutes, @timestamp), Computer",
        "| where event_count >= 2",
      ),
    ],
    [
      "eql",
      "with runs repeats one rule's query",
      "refused: EQL counts events only as a run of one rule's query (at least n): event_count over one rule with gte or gt",
    ],
    [
      "yara-l",
      "one event variable holds an event once",
      "refused: event_count over several rules counts an event of two rules for each; a YARA-L event variable holds it once, so the count would be short",
    ],
    [
      "logscale",
      "case{} takes one branch, so each rule gets its own case appending its label (array:append), and split() makes one event per label (LogScale array:append, split)",
      lines(
        'case { #event_simpleName=ProcessRollup2 | event_platform=Win | CommandLine=/whoami/i | array:append(array="sigma_rule[]", values=["whoami_cmd"]) | sigma_hit := 1; * }',
        '| case { #event_simpleName=ProcessRollup2 | event_platform=Win | ImageFileName=/\\\\whoami\\.exe$/i | array:append(array="sigma_rule[]", values=["whoami_image"]) | sigma_hit := 1; * }',
        "| sigma_hit=1",
        "| split(sigma_rule)",
        "| case {",
        '    sigma_rule="whoami_cmd" | Computer := ComputerName;',
        '    sigma_rule="whoami_image" | Computer := ComputerName;',
        "  }",
        "| sigma_window := @timestamp / 300000",
        "| math:floor(sigma_window, as=sigma_window)",
        "| groupBy([sigma_window, Computer], function=count(as=event_count), limit=max)",
        "| test(event_count >= 2)",
      ),
    ],
  ])("%s (%s)", (target, _doc, expected) => expect(output(eventCount, target)).toBe(expected));

  it("yara-l refuses sums over several rules for the same reason, and keeps distinct counts, which a second copy of the event does not change", () => {
    const sum = `  type: value_sum\n  rules: [whoami_cmd, whoami_image]\n  group-by: [Computer]\n  timespan: 5m\n  condition: { field: ProcessId, gt: 10 }`;
    expect(output(sum, "yara-l")).toMatch(
      /^refused: value_sum over several rules counts an event of two rules for each/,
    );
    const distinct = `  type: value_count\n  rules: [whoami_cmd, whoami_image]\n  group-by: [Computer]\n  timespan: 5m\n  condition: { field: User, gt: 3 }`;
    expect(output(distinct, "yara-l")).toMatch(/\$e and #value > 3/);
  });

  it("a rule reference that would break the labels is refused, not mislabelled", () => {
    const renamed = (ref: string) => `${RULES.replace("name: whoami_cmd", `name: '${ref}'`)}`;
    const withRef = (ref: string, target: Target) => {
      const body = eventCount.replace("whoami_cmd", `'${ref}'`);
      const { rules } = parseSigma(`title: C\nname: c\ncorrelation:\n${body}\n---\n${renamed(ref)}`);
      const r = convertRule(rules[0]!, target, undefined, rules);
      return "error" in r ? r.error : r.query;
    };
    expect(withRef("a,b", "esql")).toMatch(/contains a comma, which separates the rule labels/);
    expect(withRef("a*", "logscale")).toMatch(/contains \*, a wildcard in a LogScale field filter/);
  });
});
