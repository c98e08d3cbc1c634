// Conformance of every correlation type on every backend, pinned to the Sigma correlation
// specification (SigmaHQ/sigma-specification, specification/sigma-correlation-rules-specification.md,
// sections "Correlation Types", "Related rules", "Aliases", "Grouping", "Condition", "Generate")
// and to each target's documented aggregation or sequence constructs. Each row is the exact query
// or the exact refusal; the specification asks for an error, never a query that could "Change the
// intention/context in which the rule matches" or "Cause false negatives" (Compatibility).
import { describe, expect, it } from "vitest";
import { convertRule, hiddenRules } from "@/lib/sigma/backends/convert";
import type { Target } from "@/lib/sigma/backends/types";
import type { SigmaRuleModel } from "@/lib/sigma/engine/model";
import { parseSigma } from "@/lib/sigma/engine/parse";

const ID = "7f1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b";
// Three rules to correlate, referred to by name (and the first also by id).
const RULES = `title: Encoded PowerShell
name: enc_ps
id: ${ID}
logsource: { product: windows, category: process_creation }
detection:
  sel:
    CommandLine|contains: ' -enc '
  condition: sel
---
title: Whoami
name: whoami
logsource: { product: windows, category: process_creation }
detection:
  sel:
    Image|endswith: '\\whoami.exe'
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

function parse(body: string): SigmaRuleModel[] {
  const { rules, diagnostics } = parseSigma(`title: C\nname: c\ncorrelation:\n${body}\n---\n${RULES}`);
  expect(diagnostics).toEqual([]);
  return rules;
}
const correlation = (body: string) => parse(body);
const output = (rules: SigmaRuleModel[], target: Target) => {
  const r = convertRule(rules[0]!, target, undefined, rules);
  return "error" in r ? `refused: ${r.error}` : r.query;
};
const lines = (...l: string[]) => l.join("\n");

/** [target, the documented construct that makes the output right, the exact output]. */
type Row = [Target, string, string];

const D = {
  splunk:
    "Splunk Search Reference: bin span, stats … by _time and the group, search on the aggregate; multisearch with eval per rule",
  kql: "KQL summarize … by bin(Timestamp, span) and the group, where on the aggregate; union with extend per rule",
  lucene: "Elasticsearch query_string has no aggregation, grouping or ordering: refused",
  esql: "ES|QL STATS … BY DATE_TRUNC(span, @timestamp) and the group, WHERE on the aggregate; every rule an event matches labels it (SPLIT + MV_EXPAND)",
  eql: "EQL sequence by the group with maxspan; with runs=n repeats one query n times",
  yaral:
    "YARA-L 2.0 multi-event rule: match variables over the window, #e / #placeholder in condition, outcome aggregates",
  logscale:
    "LogScale groupBy([window, group], function, limit=max) with count/sum/avg/percentile, test() on the result; array:append + split() label an event with every rule it matches (bucket() would keep 10 series)",
};

const eventCount = `  type: event_count\n  rules: [${ID}]\n  group-by: [Computer, User]\n  timespan: 5m\n  condition: { gte: 10 }`;
const valueCount = `  type: value_count\n  rules: [enc_ps]\n  group-by: [Computer]\n  timespan: 1h\n  condition: { field: User, gt: 3 }`;
const temporal = `  type: temporal\n  rules: [enc_ps, whoami, net_conn]\n  group-by: [Computer]\n  timespan: 10m`;
const temporalOrdered = temporal.replace("temporal", "temporal_ordered");
const valueSum = `  type: value_sum\n  rules: [net_conn]\n  group-by: [Computer]\n  timespan: 1d\n  condition: { field: DestinationPort, gt: 100000 }`;
const valueAvg = `  type: value_avg\n  rules: [net_conn]\n  group-by: [Computer]\n  timespan: 1d\n  condition: { field: DestinationPort, gt: 500 }`;
const valuePercentile = `  type: value_percentile\n  rules: [net_conn]\n  group-by: [Computer]\n  timespan: 1h\n  condition: { field: DestinationPort, percentile: 95, lte: 1024 }`;
const valueMedian = `  type: value_median\n  rules: [net_conn]\n  group-by: [Computer]\n  timespan: 1h\n  condition: { field: DestinationPort, gt: 1000 }`;
const aliases = `  type: temporal_ordered\n  rules: [enc_ps, net_conn]\n  group-by: [host]\n  timespan: 30s\n  aliases:\n    host: { enc_ps: Computer, net_conn: Computer }`;
const range = `  type: event_count\n  rules: [enc_ps, whoami]\n  group-by: [Computer]\n  timespan: 5m\n  condition: { gt: 100, lte: 200 }`;

describe('event_count (Event Count: "Counts events occurring in the given time frame specified by the referred Sigma rule or rules. The resulting query must count events for each group specified by group-by separately."; Grouping: "When you use multiple fields they are linked by an AND"; the rule referred to by its id)', () => {
  const rule = correlation(eventCount);
  it.each<Row>([
    [
      "splunk",
      D.splunk,
      lines(
        'process="* -enc *"',
        "| bin _time span=5m",
        "| stats count as event_count by _time dest user",
        "| search event_count >= 10",
      ),
    ],
    [
      "kql",
      D.kql,
      lines(
        "DeviceProcessEvents",
        '| where ProcessCommandLine contains " -enc "',
        "| summarize event_count = count() by bin(Timestamp, 5m), DeviceName, AccountName",
        "| where event_count >= 10",
      ),
    ],
    [
      "lucene",
      D.lucene,
      "refused: Lucene is a search syntax without aggregation, grouping or ordering, so no correlation type can be expressed; use ES|QL or EQL",
    ],
    [
      "esql",
      D.esql,
      lines(
        "from logs-windows.sysmon_operational-*",
        '| where to_lower(process.command_line) like "* -enc *"',
        "| stats event_count = count(*) by time_window = date_trunc(5 minutes, @timestamp), host.name, user.name",
        "| where event_count >= 10",
      ),
    ],
    [
      "eql",
      D.eql,
      lines(
        "sequence by host.name, user.name with maxspan=5m",
        '  [process where process.command_line : "* -enc *"] with runs=10',
      ),
    ],
    [
      "yara-l",
      D.yaral,
      lines(
        "rule c {",
        "  meta:",
        '    title = "C"',
        "",
        "  events:",
        '    ($e.metadata.event_type = "PROCESS_LAUNCH" and ($e.target.process.command_line = /(?s) -enc / nocase))',
        "    $computer = $e.principal.hostname",
        "    $user = $e.principal.user.userid",
        "",
        "  match:",
        "    $computer, $user over 5m",
        "",
        "  condition:",
        "    #e >= 10",
        "}",
      ),
    ],
    [
      "logscale",
      D.logscale,
      lines(
        "#event_simpleName=ProcessRollup2 | event_platform=Win | CommandLine=/ -enc /i",
        "| sigma_window := @timestamp / 300000",
        "| math:floor(sigma_window, as=sigma_window)",
        "| groupBy([sigma_window, ComputerName, UserName], function=count(as=event_count), limit=max)",
        "| test(event_count >= 10)",
      ),
    ],
  ])("%s (%s)", (target, _doc, expected) => expect(output(rule, target)).toBe(expected));
});

describe('value_count (Value Count: "Counts values in a field defined by `field`. The resulting query must count field values separately for each group specified by group-by.")', () => {
  const rule = correlation(valueCount);
  it.each<Row>([
    [
      "splunk",
      D.splunk,
      lines(
        'process="* -enc *"',
        "| bin _time span=1h",
        "| stats dc(user) as value_count by _time dest",
        "| search value_count > 3",
      ),
    ],
    [
      "kql",
      D.kql,
      lines(
        "DeviceProcessEvents",
        '| where ProcessCommandLine contains " -enc "',
        "| summarize value_count = count_distinct(AccountName) by bin(Timestamp, 1h), DeviceName",
        "| where value_count > 3",
      ),
    ],
    [
      "lucene",
      D.lucene,
      "refused: Lucene is a search syntax without aggregation, grouping or ordering, so no correlation type can be expressed; use ES|QL or EQL",
    ],
    [
      "esql",
      D.esql,
      lines(
        "from logs-windows.sysmon_operational-*",
        '| where to_lower(process.command_line) like "* -enc *"',
        "| stats value_count = count_distinct(user.name) by time_window = date_trunc(1 hours, @timestamp), host.name",
        "| where value_count > 3",
      ),
    ],
    [
      "eql",
      "EQL has no aggregation functions over sequences: refused",
      "refused: EQL has no aggregation: value_count needs a query language with stats (ES|QL)",
    ],
    [
      "yara-l",
      D.yaral,
      lines(
        "rule c {",
        "  meta:",
        '    title = "C"',
        "",
        "  events:",
        '    ($e.metadata.event_type = "PROCESS_LAUNCH" and ($e.target.process.command_line = /(?s) -enc / nocase))',
        "    $computer = $e.principal.hostname",
        "    $value = $e.principal.user.userid",
        "",
        "  match:",
        "    $computer over 1h",
        "",
        "  condition:",
        "    $e and #value > 3",
        "}",
      ),
    ],
    [
      "logscale",
      D.logscale,
      lines(
        "#event_simpleName=ProcessRollup2 | event_platform=Win | CommandLine=/ -enc /i",
        "| sigma_window := @timestamp / 3600000",
        "| math:floor(sigma_window, as=sigma_window)",
        "| groupBy([sigma_window, ComputerName], function=count(UserName, distinct=true, as=value_count), limit=max)",
        "| test(value_count > 3)",
      ),
    ],
  ])("%s (%s)", (target, _doc, expected) => expect(output(rule, target)).toBe(expected));
});

describe('temporal (Temporal Proximity: "All events defined by the rules referred by the rule field must occur in the time frame defined by timespan. The values of fields defined in group-by must all have the same value")', () => {
  const rule = correlation(temporal);
  it.each<Row>([
    [
      "splunk",
      D.splunk,
      lines(
        "| multisearch",
        '  [search process="* -enc *" | eval sigma_rule="enc_ps", Computer=\'dest\']',
        '  [search process_path="*\\\\whoami.exe" | eval sigma_rule="whoami", Computer=\'dest\']',
        "  [search dest_port=4444 | eval sigma_rule=\"net_conn\", Computer='dvc']",
        "| bin _time span=10m",
        "| stats dc(sigma_rule) as rule_count by _time Computer",
        "| search rule_count >= 3",
      ),
    ],
    [
      "kql",
      D.kql,
      lines(
        "union",
        '    (DeviceProcessEvents | where ProcessCommandLine contains " -enc " | extend sigma_rule = "enc_ps", Computer = DeviceName),',
        '    (DeviceProcessEvents | where FolderPath endswith "\\\\whoami.exe" | extend sigma_rule = "whoami", Computer = DeviceName),',
        '    (DeviceNetworkEvents | where RemotePort == 4444 | extend sigma_rule = "net_conn", Computer = DeviceName)',
        "| summarize rule_count = count_distinct(sigma_rule) by bin(Timestamp, 10m), Computer",
        "| where rule_count == 3",
      ),
    ],
    [
      "lucene",
      D.lucene,
      "refused: Lucene is a search syntax without aggregation, grouping or ordering, so no correlation type can be expressed; use ES|QL or EQL",
    ],
    [
      "esql",
      D.esql,
      lines(
        "from logs-windows.sysmon_operational-*",
        '| eval sigma_rules = concat(case(to_lower(process.command_line) like "* -enc *", "enc_ps", ""), ",", case(to_lower(process.executable) like "*\\\\\\\\whoami.exe", "whoami", ""), ",", case(destination.port == 4444, "net_conn", ""))',
        '| where sigma_rules != ",,"',
        '| eval sigma_rule = split(sigma_rules, ",")',
        "| mv_expand sigma_rule",
        '| where sigma_rule != ""',
        '| eval Computer = case(sigma_rule == "enc_ps", host.name, sigma_rule == "whoami", host.name, sigma_rule == "net_conn", host.name)',
        "| stats rule_count = count_distinct(sigma_rule) by time_window = date_trunc(10 minutes, @timestamp), Computer",
        "| where rule_count == 3",
      ),
    ],
    [
      "eql",
      "EQL sequences are ordered: refused",
      "refused: EQL sequences are ordered; temporal (any order) has no EQL form. Use temporal_ordered if the order is known",
    ],
    [
      "yara-l",
      D.yaral,
      lines(
        "rule c {",
        "  meta:",
        '    title = "C"',
        "",
        "  events:",
        '    $e1.metadata.event_type = "PROCESS_LAUNCH"',
        "    ($e1.target.process.command_line = /(?s) -enc / nocase)",
        "    $computer = $e1.principal.hostname",
        '    $e2.metadata.event_type = "PROCESS_LAUNCH"',
        "    ($e2.target.process.file.full_path = /(?s)\\\\whoami\\.exe$/ nocase)",
        "    $computer = $e2.principal.hostname",
        '    $e3.metadata.event_type = "NETWORK_CONNECTION"',
        "    ($e3.target.port = 4444)",
        "    $computer = $e3.principal.hostname",
        "",
        "  match:",
        "    $computer over 10m",
        "",
        "  condition:",
        "    $e1 and $e2 and $e3",
        "}",
      ),
    ],
    [
      "logscale",
      D.logscale,
      lines(
        'case { #event_simpleName=ProcessRollup2 | event_platform=Win | CommandLine=/ -enc /i | array:append(array="sigma_rule[]", values=["enc_ps"]) | sigma_hit := 1; * }',
        '| case { #event_simpleName=ProcessRollup2 | event_platform=Win | ImageFileName=/\\\\whoami\\.exe$/i | array:append(array="sigma_rule[]", values=["whoami"]) | sigma_hit := 1; * }',
        '| case { #event_simpleName=NetworkConnectIP4 | event_platform=Win | RemotePort=4444 | array:append(array="sigma_rule[]", values=["net_conn"]) | sigma_hit := 1; * }',
        "| sigma_hit=1",
        "| split(sigma_rule)",
        "| case {",
        '    sigma_rule="enc_ps" | Computer := ComputerName;',
        '    sigma_rule="whoami" | Computer := ComputerName;',
        '    sigma_rule="net_conn" | Computer := ComputerName;',
        "  }",
        "| sigma_window := @timestamp / 600000",
        "| math:floor(sigma_window, as=sigma_window)",
        "| groupBy([sigma_window, Computer], function=count(sigma_rule, distinct=true, as=rule_count), limit=max)",
        "| rule_count >= 3",
      ),
    ],
  ])("%s (%s)", (target, _doc, expected) => expect(output(rule, target)).toBe(expected));
});

describe('temporal_ordered over three rules (Ordered Temporal Proximity: "behaves like *temporal* and requires in addition that the events appear in the order provided in the *rule* attribute")', () => {
  const rule = correlation(temporalOrdered);
  it.each<Row>([
    [
      "splunk",
      "Splunk Search Reference: sort 0, then streamstats max() by the group in time order",
      lines(
        "| multisearch",
        '  [search process="* -enc *" | eval sigma_rule="enc_ps", Computer=\'dest\']',
        '  [search process_path="*\\\\whoami.exe" | eval sigma_rule="whoami", Computer=\'dest\']',
        "  [search dest_port=4444 | eval sigma_rule=\"net_conn\", Computer='dvc']",
        '| eval sigma_step=case(sigma_rule="enc_ps", 1, sigma_rule="whoami", 2, sigma_rule="net_conn", 3)',
        "| sort 0 _time, -sigma_step",
        "| eval sigma_chain=if(sigma_step=1, _time, null())",
        "| streamstats max(sigma_chain) as start_1 by Computer",
        "| eval sigma_chain=if(sigma_step=2, start_1, null())",
        "| streamstats max(sigma_chain) as start_2 by Computer",
        "| where sigma_step=3 AND _time - start_2 <= 600",
      ),
    ],
    [
      "kql",
      "KQL scan operator: one step per rule, s1.Timestamp in later steps, output=none until the last",
      lines(
        "union",
        '    (DeviceProcessEvents | where ProcessCommandLine contains " -enc " | extend sigma_rule = "enc_ps", Computer = DeviceName),',
        '    (DeviceProcessEvents | where FolderPath endswith "\\\\whoami.exe" | extend sigma_rule = "whoami", Computer = DeviceName),',
        '    (DeviceNetworkEvents | where RemotePort == 4444 | extend sigma_rule = "net_conn", Computer = DeviceName)',
        '| extend sigma_step = case(sigma_rule == "enc_ps", 1, sigma_rule == "whoami", 2, 3)',
        "| sort by Computer asc, Timestamp asc, sigma_step desc",
        "| scan with (",
        '    step s1 output=none: sigma_rule == "enc_ps";',
        '    step s2 output=none: sigma_rule == "whoami" and Computer == s1.Computer and Timestamp > s1.Timestamp and Timestamp - s1.Timestamp <= 10m;',
        '    step s3: sigma_rule == "net_conn" and Computer == s2.Computer and Timestamp > s2.Timestamp and Timestamp - s1.Timestamp <= 10m;',
        ")",
      ),
    ],
    [
      "lucene",
      D.lucene,
      "refused: Lucene is a search syntax without aggregation, grouping or ordering, so no correlation type can be expressed; use ES|QL or EQL",
    ],
    [
      "esql",
      "ES|QL has no sequence command and STATS cannot order events: refused",
      "refused: ES|QL has no ordered-sequence operator and STATS cannot compare the times of different rules' events; use EQL (sequence) for temporal_ordered",
    ],
    [
      "eql",
      D.eql,
      lines(
        "sequence by host.name with maxspan=10m",
        '  [process where process.command_line : "* -enc *"]',
        '  [process where process.executable : "*\\\\whoami.exe"]',
        "  [network where destination.port == 4444]",
      ),
    ],
    [
      "yara-l",
      D.yaral,
      lines(
        "rule c {",
        "  meta:",
        '    title = "C"',
        "",
        "  events:",
        '    $e1.metadata.event_type = "PROCESS_LAUNCH"',
        "    ($e1.target.process.command_line = /(?s) -enc / nocase)",
        "    $computer = $e1.principal.hostname",
        '    $e2.metadata.event_type = "PROCESS_LAUNCH"',
        "    ($e2.target.process.file.full_path = /(?s)\\\\whoami\\.exe$/ nocase)",
        "    $computer = $e2.principal.hostname",
        '    $e3.metadata.event_type = "NETWORK_CONNECTION"',
        "    ($e3.target.port = 4444)",
        "    $computer = $e3.principal.hostname",
        "    $e1.metadata.event_timestamp.seconds < $e2.metadata.event_timestamp.seconds",
        "    $e2.metadata.event_timestamp.seconds < $e3.metadata.event_timestamp.seconds",
        "",
        "  match:",
        "    $computer over 10m",
        "",
        "  condition:",
        "    $e1 and $e2 and $e3",
        "}",
      ),
    ],
    [
      "logscale",
      "LogScale groupBy() has no order; correlate(sequence=true) not established as strict: refused",
      "refused: LogScale's groupBy() aggregates without order; correlate(sequence=true, within=…) orders events, but that its order is strictly later in time, as temporal_ordered is on the other targets, is not established (it takes a jitterTolerance), so it is not emitted (use EQL or YARA-L)",
    ],
  ])("%s (%s)", (target, _doc, expected) => expect(output(rule, target)).toBe(expected));
});

describe('value_sum (Value Sum: "Check if the `sum` of a number field match a limit")', () => {
  const rule = correlation(valueSum);
  it.each<Row>([
    [
      "splunk",
      D.splunk,
      lines(
        "dest_port=4444",
        "| bin _time span=1d",
        "| stats sum(dest_port) as value_sum by _time dvc",
        "| search value_sum > 100000",
      ),
    ],
    [
      "kql",
      D.kql,
      lines(
        "DeviceNetworkEvents",
        "| where RemotePort == 4444",
        "| summarize value_sum = sum(RemotePort) by bin(Timestamp, 1d), DeviceName",
        "| where value_sum > 100000",
      ),
    ],
    [
      "lucene",
      D.lucene,
      "refused: Lucene is a search syntax without aggregation, grouping or ordering, so no correlation type can be expressed; use ES|QL or EQL",
    ],
    [
      "esql",
      D.esql,
      lines(
        "from logs-windows.sysmon_operational-*",
        "| where destination.port == 4444",
        "| stats value_sum = sum(destination.port) by time_window = date_trunc(1 days, @timestamp), host.name",
        "| where value_sum > 100000",
      ),
    ],
    [
      "eql",
      "EQL has no aggregation: refused",
      "refused: EQL has no aggregation: value_sum needs a query language with stats (ES|QL)",
    ],
    [
      "yara-l",
      D.yaral,
      lines(
        "rule c {",
        "  meta:",
        '    title = "C"',
        "",
        "  events:",
        '    ($e.metadata.event_type = "NETWORK_CONNECTION" and ($e.target.port = 4444))',
        "    $computer = $e.principal.hostname",
        "",
        "  match:",
        "    $computer over 1d",
        "",
        "  outcome:",
        "    $value_sum = sum($e.target.port)",
        "",
        "  condition:",
        "    $e and $value_sum > 100000",
        "}",
      ),
    ],
    [
      "logscale",
      D.logscale,
      lines(
        "#event_simpleName=NetworkConnectIP4 | event_platform=Win | RemotePort=4444",
        "| sigma_window := @timestamp / 86400000",
        "| math:floor(sigma_window, as=sigma_window)",
        "| groupBy([sigma_window, ComputerName], function=sum(RemotePort, as=value_sum), limit=max)",
        "| test(value_sum > 100000)",
      ),
    ],
  ])("%s (%s)", (target, _doc, expected) => expect(output(rule, target)).toBe(expected));
});

describe('value_avg (Value Average: "Check if the `average` of a number field match a limit")', () => {
  const rule = correlation(valueAvg);
  it.each<Row>([
    [
      "splunk",
      D.splunk,
      lines(
        "dest_port=4444",
        "| bin _time span=1d",
        "| stats avg(dest_port) as value_avg by _time dvc",
        "| search value_avg > 500",
      ),
    ],
    [
      "kql",
      D.kql,
      lines(
        "DeviceNetworkEvents",
        "| where RemotePort == 4444",
        "| summarize value_avg = avg(RemotePort) by bin(Timestamp, 1d), DeviceName",
        "| where value_avg > 500",
      ),
    ],
    [
      "lucene",
      D.lucene,
      "refused: Lucene is a search syntax without aggregation, grouping or ordering, so no correlation type can be expressed; use ES|QL or EQL",
    ],
    [
      "esql",
      D.esql,
      lines(
        "from logs-windows.sysmon_operational-*",
        "| where destination.port == 4444",
        "| stats value_avg = avg(destination.port) by time_window = date_trunc(1 days, @timestamp), host.name",
        "| where value_avg > 500",
      ),
    ],
    [
      "eql",
      "EQL has no aggregation: refused",
      "refused: EQL has no aggregation: value_avg needs a query language with stats (ES|QL)",
    ],
    [
      "yara-l",
      D.yaral,
      lines(
        "rule c {",
        "  meta:",
        '    title = "C"',
        "",
        "  events:",
        '    ($e.metadata.event_type = "NETWORK_CONNECTION" and ($e.target.port = 4444))',
        "    $computer = $e.principal.hostname",
        "",
        "  match:",
        "    $computer over 1d",
        "",
        "  outcome:",
        "    $value_avg = avg($e.target.port)",
        "",
        "  condition:",
        "    $e and $value_avg > 500",
        "}",
      ),
    ],
    [
      "logscale",
      D.logscale,
      lines(
        "#event_simpleName=NetworkConnectIP4 | event_platform=Win | RemotePort=4444",
        "| sigma_window := @timestamp / 86400000",
        "| math:floor(sigma_window, as=sigma_window)",
        "| groupBy([sigma_window, ComputerName], function=avg(RemotePort, as=value_avg), limit=max)",
        "| test(value_avg > 500)",
      ),
    ],
  ])("%s (%s)", (target, _doc, expected) => expect(output(rule, target)).toBe(expected));
});

describe('value_percentile (Value Percentile: "Check when a certain percentage of observed values occur"; which percentile is our condition.percentile)', () => {
  const rule = correlation(valuePercentile);
  it.each<Row>([
    [
      "splunk",
      D.splunk,
      lines(
        "dest_port=4444",
        "| bin _time span=1h",
        "| stats perc95(dest_port) as value_percentile by _time dvc",
        "| search value_percentile <= 1024",
      ),
    ],
    [
      "kql",
      D.kql,
      lines(
        "DeviceNetworkEvents",
        "| where RemotePort == 4444",
        "| summarize value_percentile = percentile(RemotePort, 95) by bin(Timestamp, 1h), DeviceName",
        "| where value_percentile <= 1024",
      ),
    ],
    [
      "lucene",
      D.lucene,
      "refused: Lucene is a search syntax without aggregation, grouping or ordering, so no correlation type can be expressed; use ES|QL or EQL",
    ],
    [
      "esql",
      D.esql,
      lines(
        "from logs-windows.sysmon_operational-*",
        "| where destination.port == 4444",
        "| stats value_percentile = percentile(destination.port, 95) by time_window = date_trunc(1 hours, @timestamp), host.name",
        "| where value_percentile <= 1024",
      ),
    ],
    [
      "eql",
      "EQL has no aggregation: refused",
      "refused: EQL has no aggregation: value_percentile needs a query language with stats (ES|QL)",
    ],
    [
      "yara-l",
      "YARA-L outcome aggregates: sum, avg, count, min, max, array — no percentile: refused",
      "refused: YARA-L outcome aggregates have no percentile or median",
    ],
    [
      "logscale",
      D.logscale,
      lines(
        "#event_simpleName=NetworkConnectIP4 | event_platform=Win | RemotePort=4444",
        "| sigma_window := @timestamp / 3600000",
        "| math:floor(sigma_window, as=sigma_window)",
        "| groupBy([sigma_window, ComputerName], function=percentile(RemotePort, percentiles=[95], as=value_percentile), limit=max)",
        "| test(value_percentile_95 <= 1024)",
      ),
    ],
  ])("%s (%s)", (target, _doc, expected) => expect(output(rule, target)).toBe(expected));
});

describe('value_median (not a type of the specification\'s list: its hint "median is a percentile 50", as a type of its own)', () => {
  const rule = correlation(valueMedian);
  it.each<Row>([
    [
      "splunk",
      "Splunk stats perc50()",
      lines(
        "dest_port=4444",
        "| bin _time span=1h",
        "| stats perc50(dest_port) as value_median by _time dvc",
        "| search value_median > 1000",
      ),
    ],
    [
      "kql",
      D.kql,
      lines(
        "DeviceNetworkEvents",
        "| where RemotePort == 4444",
        "| summarize value_median = percentile(RemotePort, 50) by bin(Timestamp, 1h), DeviceName",
        "| where value_median > 1000",
      ),
    ],
    [
      "lucene",
      D.lucene,
      "refused: Lucene is a search syntax without aggregation, grouping or ordering, so no correlation type can be expressed; use ES|QL or EQL",
    ],
    [
      "esql",
      "ES|QL MEDIAN()",
      lines(
        "from logs-windows.sysmon_operational-*",
        "| where destination.port == 4444",
        "| stats value_median = median(destination.port) by time_window = date_trunc(1 hours, @timestamp), host.name",
        "| where value_median > 1000",
      ),
    ],
    [
      "eql",
      "EQL has no aggregation: refused",
      "refused: EQL has no aggregation: value_median needs a query language with stats (ES|QL)",
    ],
    [
      "yara-l",
      "YARA-L outcome aggregates have no median: refused",
      "refused: YARA-L outcome aggregates have no percentile or median",
    ],
    [
      "logscale",
      D.logscale,
      lines(
        "#event_simpleName=NetworkConnectIP4 | event_platform=Win | RemotePort=4444",
        "| sigma_window := @timestamp / 3600000",
        "| math:floor(sigma_window, as=sigma_window)",
        "| groupBy([sigma_window, ComputerName], function=percentile(RemotePort, percentiles=[50], as=value_median), limit=max)",
        "| test(value_median_50 > 1000)",
      ),
    ],
  ])("%s (%s)", (target, _doc, expected) => expect(output(rule, target)).toBe(expected));
});

describe('aliases (Aliases: "The defined aliases can then be defined in `group-by` and allows aggregation across different fields in different event types"), on temporal_ordered over two rules', () => {
  const rule = correlation(aliases);
  it.each<Row>([
    [
      "splunk",
      "Splunk Search Reference: sort 0, then streamstats max() by the group in time order",
      lines(
        "| multisearch",
        '  [search process="* -enc *" | eval sigma_rule="enc_ps", host=\'dest\']',
        "  [search dest_port=4444 | eval sigma_rule=\"net_conn\", host='dvc']",
        '| eval sigma_step=case(sigma_rule="enc_ps", 1, sigma_rule="net_conn", 2)',
        "| sort 0 _time, -sigma_step",
        "| eval sigma_chain=if(sigma_step=1, _time, null())",
        "| streamstats max(sigma_chain) as start_1 by host",
        "| where sigma_step=2 AND _time - start_1 <= 30",
      ),
    ],
    [
      "kql",
      "KQL scan operator: one step per rule, s1.Timestamp in later steps, output=none until the last",
      lines(
        "union",
        '    (DeviceProcessEvents | where ProcessCommandLine contains " -enc " | extend sigma_rule = "enc_ps", host = DeviceName),',
        '    (DeviceNetworkEvents | where RemotePort == 4444 | extend sigma_rule = "net_conn", host = DeviceName)',
        '| extend sigma_step = case(sigma_rule == "enc_ps", 1, 2)',
        "| sort by host asc, Timestamp asc, sigma_step desc",
        "| scan with (",
        '    step s1 output=none: sigma_rule == "enc_ps";',
        '    step s2: sigma_rule == "net_conn" and host == s1.host and Timestamp > s1.Timestamp and Timestamp - s1.Timestamp <= 30s;',
        ")",
      ),
    ],
    [
      "lucene",
      D.lucene,
      "refused: Lucene is a search syntax without aggregation, grouping or ordering, so no correlation type can be expressed; use ES|QL or EQL",
    ],
    [
      "esql",
      "ES|QL has no sequence command: refused",
      "refused: ES|QL has no ordered-sequence operator and STATS cannot compare the times of different rules' events; use EQL (sequence) for temporal_ordered",
    ],
    [
      "eql",
      "EQL sequence by: one join key per group-by entry",
      lines(
        "sequence by host.name with maxspan=30s",
        '  [process where process.command_line : "* -enc *"]',
        "  [network where destination.port == 4444]",
      ),
    ],
    [
      "yara-l",
      "YARA-L match variables joined across event variables",
      lines(
        "rule c {",
        "  meta:",
        '    title = "C"',
        "",
        "  events:",
        '    $e1.metadata.event_type = "PROCESS_LAUNCH"',
        "    ($e1.target.process.command_line = /(?s) -enc / nocase)",
        "    $host = $e1.principal.hostname",
        '    $e2.metadata.event_type = "NETWORK_CONNECTION"',
        "    ($e2.target.port = 4444)",
        "    $host = $e2.principal.hostname",
        "    $e1.metadata.event_timestamp.seconds < $e2.metadata.event_timestamp.seconds",
        "",
        "  match:",
        "    $host over 30s",
        "",
        "  condition:",
        "    $e1 and $e2",
        "}",
      ),
    ],
    [
      "logscale",
      "LogScale groupBy() has no order; correlate(sequence=true) not established as strict: refused",
      "refused: LogScale's groupBy() aggregates without order; correlate(sequence=true, within=…) orders events, but that its order is strictly later in time, as temporal_ordered is on the other targets, is not established (it takes a jitterTolerance), so it is not emitted (use EQL or YARA-L)",
    ],
  ])("%s (%s)", (target, _doc, expected) => expect(output(rule, target)).toBe(expected));
});

describe("a range over two rules (Condition: \"To define a range, you can use the conjunction 'AND' in the mapping\")", () => {
  const rule = correlation(range);
  it.each<Row>([
    [
      "splunk",
      D.splunk,
      lines(
        "| multisearch",
        '  [search process="* -enc *" | eval sigma_rule="enc_ps", Computer=\'dest\']',
        '  [search process_path="*\\\\whoami.exe" | eval sigma_rule="whoami", Computer=\'dest\']',
        "| bin _time span=5m",
        "| stats count as event_count by _time Computer",
        "| search event_count > 100 event_count <= 200",
      ),
    ],
    [
      "kql",
      D.kql,
      lines(
        "union",
        '    (DeviceProcessEvents | where ProcessCommandLine contains " -enc " | extend sigma_rule = "enc_ps", Computer = DeviceName),',
        '    (DeviceProcessEvents | where FolderPath endswith "\\\\whoami.exe" | extend sigma_rule = "whoami", Computer = DeviceName)',
        "| summarize event_count = count() by bin(Timestamp, 5m), Computer",
        "| where event_count > 100 and event_count <= 200",
      ),
    ],
    [
      "lucene",
      D.lucene,
      "refused: Lucene is a search syntax without aggregation, grouping or ordering, so no correlation type can be expressed; use ES|QL or EQL",
    ],
    [
      "esql",
      D.esql,
      lines(
        "from logs-windows.sysmon_operational-*",
        '| eval sigma_rules = concat(case(to_lower(process.command_line) like "* -enc *", "enc_ps", ""), ",", case(to_lower(process.executable) like "*\\\\\\\\whoami.exe", "whoami", ""))',
        '| where sigma_rules != ","',
        '| eval sigma_rule = split(sigma_rules, ",")',
        "| mv_expand sigma_rule",
        '| where sigma_rule != ""',
        '| eval Computer = case(sigma_rule == "enc_ps", host.name, sigma_rule == "whoami", host.name)',
        "| stats event_count = count(*) by time_window = date_trunc(5 minutes, @timestamp), Computer",
        "| where event_count > 100 and event_count <= 200",
      ),
    ],
    [
      "eql",
      "EQL with runs counts at least n events of one query: no upper bound, no union of rules",
      "refused: EQL counts events only as a run of one rule's query (at least n): event_count over one rule with gte or gt",
    ],
    [
      "yara-l",
      "one event variable matching either rule holds an event of both once: refused (see correlations-overlap.test.ts)",
      "refused: event_count over several rules counts an event of two rules for each; a YARA-L event variable holds it once, so the count would be short",
    ],
    [
      "logscale",
      D.logscale,
      lines(
        'case { #event_simpleName=ProcessRollup2 | event_platform=Win | CommandLine=/ -enc /i | array:append(array="sigma_rule[]", values=["enc_ps"]) | sigma_hit := 1; * }',
        '| case { #event_simpleName=ProcessRollup2 | event_platform=Win | ImageFileName=/\\\\whoami\\.exe$/i | array:append(array="sigma_rule[]", values=["whoami"]) | sigma_hit := 1; * }',
        "| sigma_hit=1",
        "| split(sigma_rule)",
        "| case {",
        '    sigma_rule="enc_ps" | Computer := ComputerName;',
        '    sigma_rule="whoami" | Computer := ComputerName;',
        "  }",
        "| sigma_window := @timestamp / 300000",
        "| math:floor(sigma_window, as=sigma_window)",
        "| groupBy([sigma_window, Computer], function=count(as=event_count), limit=max)",
        "| test(event_count > 100) | test(event_count <= 200)",
      ),
    ],
  ])("%s (%s)", (target, _doc, expected) => expect(output(rule, target)).toBe(expected));
});

describe('rules by id and by name (Related rules: "A rule can be referred to by the `id` or `name` of a Sigma rule")', () => {
  it("an id and a name select the same rule: the same query on every backend", () => {
    const byName = correlation(eventCount.replace(ID, "enc_ps"));
    for (const target of ["splunk", "kql", "lucene", "esql", "eql", "yara-l", "logscale"] as const)
      expect(output(byName, target)).toBe(output(correlation(eventCount), target));
  });
  it("a reference to no rule given is a warning, and refused with the reason on every backend that correlates", () => {
    const { rules, diagnostics } = parseSigma(
      `title: C\ncorrelation:\n${eventCount.replace(ID, "no_such_rule")}\n---\n${RULES}`,
    );
    expect(diagnostics).toMatchObject([
      { severity: "warning", message: expect.stringMatching(/no_such_rule/) },
    ]);
    for (const target of ["splunk", "kql", "esql", "eql", "yara-l", "logscale"] as const)
      expect(output(rules, target)).toBe(
        'refused: rule "no_such_rule" is not among the rules given; pass the file that holds it too (CLI: several files; API: one more YAML document)',
      );
  });
});

describe('generate (Generate: "defines if the rules referred from the correlation rule should be converted as stand-alone rules or if only the correlation query should be generated (default)")', () => {
  it("by default the referred rules (by id or name) are not output on their own", () => {
    const rules = correlation(temporal);
    expect([...hiddenRules(rules)].map((r) => r.name)).toEqual(["enc_ps", "whoami", "net_conn"]);
    expect([...hiddenRules(correlation(eventCount))].map((r) => r.name)).toEqual(["enc_ps"]);
  });
  it("generate: true outputs them as well, each as its own query", () => {
    const rules = correlation(`${temporal}\n  generate: true`);
    expect(hiddenRules(rules).size).toBe(0);
    expect(output([rules[1]!], "splunk")).toBe('process="* -enc *"');
  });
});

describe('temporal condition (Condition: "For a *temporal* or *temporal_ordered* correlation it specified the count of different event types (Sigma rules matching) in the given time frame")', () => {
  // Two of the three rules in the window: requiring all three would miss what the rule asks for.
  const twoOfThree = correlation(`${temporal}\n  condition: { gte: 2 }`);
  it.each<Row>([
    ["splunk", D.splunk, "| search rule_count >= 2"],
    ["kql", D.kql, "| where rule_count >= 2"],
    ["esql", D.esql, "| where rule_count >= 2"],
    ["logscale", D.logscale, "| test(rule_count >= 2)"],
  ])("%s counts distinct rules against the condition (%s)", (target, _doc, last) =>
    expect(output(twoOfThree, target).split("\n").at(-1)).toBe(last),
  );
  it.each<Row>([
    [
      "lucene",
      D.lucene,
      "refused: Lucene is a search syntax without aggregation, grouping or ordering, so no correlation type can be expressed; use ES|QL or EQL",
    ],
    [
      "eql",
      "EQL sequences are ordered",
      "refused: EQL sequences are ordered; temporal (any order) has no EQL form. Use temporal_ordered if the order is known",
    ],
    [
      "yara-l",
      "YARA-L: a multi-event condition names its event variables",
      "refused: a temporal condition met by fewer than all 3 rules needs a count of distinct rules; YARA-L's condition requires each event variable",
    ],
  ])("%s refuses (%s)", (target, _doc, expected) => expect(output(twoOfThree, target)).toBe(expected));
  it("a condition every count but all rules fails is the default: the same query as without one", () => {
    for (const target of ["splunk", "kql", "esql", "yara-l", "logscale"] as const)
      expect(output(correlation(`${temporal}\n  condition: { eq: 3 }`), target)).toBe(
        output(correlation(temporal), target),
      );
  });
  it("temporal_ordered with fewer than all rules has no order to check: refused on every target", () => {
    const rules = correlation(`${temporalOrdered}\n  condition: { gte: 2 }`);
    for (const target of ["splunk", "kql", "esql", "eql", "yara-l", "logscale"] as const)
      expect(output(rules, target)).toBe(
        "refused: temporal_ordered orders every rule it lists; a condition met by fewer than all 3 rules has no order to check (use temporal)",
      );
  });
});

describe("temporal condition parsing", () => {
  it("is kept on the model when given, absent otherwise, and located when malformed", () => {
    const [withCondition] = correlation(`${temporal}\n  condition: { gte: 2 }`);
    expect(withCondition).toMatchObject({ correlation: { condition: { ops: [{ op: "gte", value: 2 }] } } });
    expect(correlation(temporal)[0]).toMatchObject({ correlation: { condition: undefined } });
    const { diagnostics } = parseSigma(`title: C\ncorrelation:\n${temporal}\n  condition: { most: 2 }\n`);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        severity: "error",
        line: 7,
        message: expect.stringMatching(/temporal needs a condition with gt/),
      }),
    );
  });
});
