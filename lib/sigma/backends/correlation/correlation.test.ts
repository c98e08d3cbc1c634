// Correlation conversion per backend and type, pinned to Sigma's correlation specification
// (v2.1: event_count, value_count, temporal, temporal_ordered, value_sum, value_avg,
// value_percentile; value_median as the 50th percentile) and to each target's documented forms.
import { describe, expect, it } from "vitest";
import { convertRule } from "@/lib/sigma/backends/convert";
import { TARGETS, type Target } from "@/lib/sigma/backends/types";
import { MAX_CORRELATION_RULES } from "@/lib/sigma/engine/limits";
import type { SigmaRuleModel } from "@/lib/sigma/engine/model";
import { parseSigma } from "@/lib/sigma/engine/parse";

const BASE = `title: Encoded PowerShell
name: enc_ps
id: 7f1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b
logsource: { product: windows, category: process_creation }
detection:
  sel:
    CommandLine|contains: ' -enc '
  condition: sel
---
title: Net connect
name: net_conn
logsource: { product: windows, category: network_connection }
detection:
  sel:
    DestinationPort: 4444
  condition: sel
`;

function parsed(correlation: string) {
  const { rules, diagnostics } = parseSigma(`title: C\nname: c\ncorrelation:\n${correlation}\n---\n${BASE}`);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return rules;
}
function convert(correlation: string, target: Target, all?: SigmaRuleModel[]) {
  const rules = parsed(correlation);
  return convertRule(rules[0]!, target, undefined, all ?? rules);
}
const query = (correlation: string, target: Target) => {
  const r = convert(correlation, target);
  if ("error" in r) throw new Error(r.error);
  return r.query;
};

const count = `  type: event_count\n  rules: [enc_ps]\n  group-by: [Computer]\n  timespan: 5m\n  condition: { gte: 10, lt: 100 }`;
const distinct = `  type: value_count\n  rules: [enc_ps]\n  group-by: [Computer]\n  timespan: 1h\n  condition: { field: User, gt: 3 }`;
const temporal = `  type: temporal\n  rules: [enc_ps, net_conn]\n  group-by: [Computer]\n  timespan: 10m`;
const ordered = `  type: temporal_ordered\n  rules: [enc_ps, net_conn]\n  group-by: [Computer]\n  timespan: 10m`;
const sum = `  type: value_sum\n  rules: [net_conn]\n  group-by: [Computer]\n  timespan: 1d\n  condition: { field: DestinationPort, gte: 1000 }`;
const pct = `  type: value_percentile\n  rules: [net_conn]\n  group-by: [Computer]\n  timespan: 1h\n  condition: { field: DestinationPort, percentile: 95, gt: 1000 }`;
const median = `  type: value_median\n  rules: [net_conn]\n  group-by: [Computer]\n  timespan: 1h\n  condition: { field: DestinationPort, gt: 1000 }`;

describe("event_count: events in the timespan per group, compared with the condition", () => {
  it("splunk: bin _time, stats count by window and group, search threshold (both bounds)", () => {
    expect(query(count, "splunk")).toBe(
      'process="* -enc *"\n| bin _time span=5m\n| stats count as event_count by _time dest\n| search event_count >= 10 event_count < 100',
    );
  });
  it("kql: summarize count() by bin(Timestamp) for Defender tables", () => {
    expect(query(count, "kql")).toContain(
      "| summarize event_count = count() by bin(Timestamp, 5m), DeviceName\n| where event_count >= 10 and event_count < 100",
    );
  });
  it("esql: STATS COUNT(*) BY DATE_TRUNC", () => {
    expect(query(count, "esql")).toContain(
      "| stats event_count = count(*) by time_window = date_trunc(5 minutes, @timestamp), host.name",
    );
  });
  it("eql: a run of one query, or a refusal naming what EQL lacks", () => {
    expect(convert(count, "eql")).toMatchObject({ error: expect.stringMatching(/gte or gt/) });
    const q = query(count.replace(", lt: 100", ""), "eql");
    expect(q).toBe(
      'sequence by host.name with maxspan=5m\n  [process where process.command_line : "* -enc *"] with runs=10',
    );
  });
  it("yara-l: match over the window, #e in the condition", () => {
    const q = query(count, "yara-l");
    expect(q).toContain("match:\n    $computer over 5m");
    expect(q).toContain("condition:\n    #e >= 10 and #e < 100");
    expect(q).toContain("$computer = $e.principal.hostname");
  });
  it("logscale: groupBy([window, field], count()) over an epoch-aligned window, not bucket()'s 10 series", () => {
    expect(query(count, "logscale")).toContain(
      "| sigma_window := @timestamp / 300000\n| math:floor(sigma_window, as=sigma_window)\n| groupBy([sigma_window, ComputerName], function=count(as=event_count), limit=max)\n| test(event_count >= 10) | test(event_count < 100)",
    );
  });
});

describe("value_count: distinct values of condition.field", () => {
  it.each([
    ["splunk", "stats dc(user) as value_count by _time dest"],
    ["kql", "value_count = count_distinct(AccountName)"],
    ["esql", "value_count = count_distinct(user.name)"],
    ["yara-l", "#value > 3"],
    ["logscale", "count(UserName, distinct=true, as=value_count)"],
  ] as const)("%s", (target, text) => expect(query(distinct, target)).toContain(text));
  it("eql refuses: no aggregation", () =>
    expect(convert(distinct, "eql")).toMatchObject({
      error: expect.stringMatching(/EQL has no aggregation/),
    }));
});

describe("temporal: every rule matches in the timespan, any order", () => {
  it.each([
    ["splunk", "| multisearch"],
    ["splunk", "stats dc(sigma_rule) as rule_count by _time Computer\n| search rule_count >= 2"],
    [
      "kql",
      "| summarize rule_count = count_distinct(sigma_rule) by bin(Timestamp, 10m), Computer\n| where rule_count == 2",
    ],
    ["esql", "mv_expand sigma_rule"],
    ["yara-l", "condition:\n    $e1 and $e2"],
    ["logscale", "split(sigma_rule)"],
  ] as const)("%s", (target, text) => expect(query(temporal, target)).toContain(text));
  it("eql refuses: sequences are ordered", () =>
    expect(convert(temporal, "eql")).toMatchObject({ error: expect.stringMatching(/ordered/) }));
});

describe("temporal_ordered: the rules match in the order listed", () => {
  it("eql: sequence by the group with maxspan", () => {
    expect(query(ordered, "eql")).toBe(
      'sequence by host.name with maxspan=10m\n  [process where process.command_line : "* -enc *"]\n  [network where destination.port == 4444]',
    );
  });
  it("yara-l: event timestamps ordered", () =>
    expect(query(ordered, "yara-l")).toContain(
      "$e1.metadata.event_timestamp.seconds < $e2.metadata.event_timestamp.seconds",
    ));
  it("splunk and kql: streamstats and scan sequences over a sliding window (exact outputs in conformance/)", () => {
    expect(query(ordered, "splunk")).toContain("| where sigma_step=2 AND _time - start_1 <= 600");
    expect(query(ordered, "kql")).toContain("| scan with (");
  });
  it.each(["esql", "logscale"] as const)("%s refuses with the reason", (target) =>
    expect(convert(ordered, target)).toMatchObject({ error: expect.stringMatching(/sequence/) }),
  );
});

describe("value_sum, value_percentile, value_median (Sigma v2.1)", () => {
  it.each([
    ["splunk", sum, "stats sum(dest_port) as value_sum"],
    ["kql", sum, "value_sum = sum(RemotePort)"],
    ["esql", sum, "value_sum = sum(destination.port)"],
    ["yara-l", sum, "outcome:\n    $value_sum = sum($e.target.port)"],
    ["logscale", sum, "sum(RemotePort, as=value_sum)"],
    ["splunk", pct, "perc95(dest_port)"],
    ["kql", pct, "percentile(RemotePort, 95)"],
    ["esql", median, "median(destination.port)"],
    ["logscale", median, "percentiles=[50]"],
  ] as const)("%s", (target, c, text) => expect(query(c, target)).toContain(text));
  it("yara-l refuses percentiles", () =>
    expect(convert(pct, "yara-l")).toMatchObject({ error: expect.stringMatching(/percentile/) }));
  it("value_percentile without percentile (the specification's form) is a located warning", () => {
    const { diagnostics } = parseSigma(`title: C\ncorrelation:\n${pct.replace("percentile: 95, ", "")}\n`);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ severity: "warning", message: expect.stringMatching(/percentile/), line: 7 }),
    );
  });
});

describe("references, aliases, timespan and refusals", () => {
  it("lucene refuses every type with the reason", () => {
    for (const c of [count, distinct, temporal, ordered, sum])
      expect(convert(c, "lucene")).toMatchObject({
        error: expect.stringMatching(/Lucene .* without aggregation/),
      });
  });
  it("finds rules by id as well as name, and only among the rules given", () => {
    const byId = count.replace("[enc_ps]", "[7f1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b]");
    expect(query(byId, "kql")).toContain("summarize");
    const alone = parsed(count).slice(0, 1);
    expect(convert(count, "kql", alone)).toMatchObject({
      error: expect.stringMatching(/"enc_ps" is not among the rules given/),
    });
  });
  it("aliases name each rule's field under one group-by name", () => {
    const c = `${temporal.replace("group-by: [Computer]", "group-by: [host]")}\n  aliases:\n    host: { enc_ps: Computer, net_conn: Computer }`;
    expect(query(c, "kql")).toContain('extend sigma_rule = "enc_ps", host = DeviceName');
    expect(query(c, "yara-l")).toContain("$host = $e2.principal.hostname");
  });
  it("a month has no fixed length: refused on every target", () => {
    for (const t of TARGETS.filter((t) => t !== "lucene"))
      expect(convert(count.replace("5m", "1M"), t)).toMatchObject({ error: expect.stringMatching(/month/) });
  });
  it(`more than ${MAX_CORRELATION_RULES} rules is a located error`, () => {
    const many = Array.from({ length: MAX_CORRELATION_RULES + 1 }, (_, i) => `r${i}`).join(", ");
    const { diagnostics } = parseSigma(
      `title: C\ncorrelation:\n  type: temporal\n  rules: [${many}]\n  group-by: [a]\n  timespan: 5m\n`,
    );
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        severity: "error",
        line: 4,
        message: expect.stringMatching(/at most 10 rules/),
      }),
    );
  });
  it("generate: false hides the referenced rules from the output; generate: true keeps them", async () => {
    const { hiddenRules } = await import("@/lib/sigma/backends/convert");
    expect(hiddenRules(parsed(count)).size).toBe(1);
    expect(hiddenRules(parsed(`${count}\n  generate: true`)).size).toBe(0);
  });
});
