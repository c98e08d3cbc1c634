// Issue 17: the Sigma backends checked against the native evaluators. Every probe rule of the
// conformance suite (tests/support/sigma-probes.ts) is converted for each target that has an
// evaluator, the converted query runs over the probe's events shaped as that target stores them,
// and the evaluator must match exactly the events the Sigma engine matches. What cannot be
// compared is listed below with its reason, and each list entry must still hold, so nothing
// passes silently and nothing stays listed once it is fixed.
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { evaluateEvent } from "@/lib/sigma/engine/evaluate";
import type { DetectionRule } from "@/lib/sigma/engine/model";
import { parseSigma } from "@/lib/sigma/engine/parse";
import { PROBES } from "./support/sigma-probes";
import { CHECKED, convert, runNative, type CheckedTarget } from "./support/sigma-native";

/** The time-modifier probes (Sigma v2.1), for the entries every one of them shares. */
const TIME = ["hour", "hour|gte", "minute|lt", "day|neq", "week", "month and year"];
const each = <T>(names: string[], target: string, value: T) =>
  Object.fromEntries(names.map((n) => [`${n} / ${target}`, value]));

/** `probe / target` → the construct the evaluator reports "not evaluated" (an evaluator gap). */
const UNSUPPORTED: Record<string, string> = {
  // The KQL and ES|QL evaluators implement no date-part function; YARA-L none of timestamp.*.
  ...each(TIME, "kql", "function datetime_part()"),
  ...each(
    TIME.filter((n) => n !== "week"),
    "esql",
    "function DATE_EXTRACT()",
  ),
  ...each(["hour", "hour|gte"], "yara-l", "function timestamp.get_hour()"),
  "minute|lt / yara-l": "function timestamp.get_minute()",
  // %V (the ISO week) is not among the strftime variables the SPL evaluator implements.
  "week / splunk": "strftime %V",
  // KQL documents ipv6_is_in_range(); the evaluator does not implement it.
  "cidr (IPv6) / kql": "function ipv6_is_in_range()",
  "cidr (IPv6) / yara-l": "net.ip_in_range_cidr on an IPv6 address",
  // A bare term searches _raw after Splunk's segmentation; samples carry fields, not _raw.
  "keywords / splunk": "free-text search term evil",
  "keywords |all / splunk": "free-text search term evil",
  // `where * contains` (search across columns) is not implemented.
  "keywords / kql": "'*' outside arg_max/arg_min",
  "keywords |all / kql": "'*' outside arg_max/arg_min",
};

/** `probe / target` → the backend's refusal (pinned exactly in lib/sigma/conformance). */
const REFUSED: Record<string, RegExp> = {
  ...each(TIME, "eql", /^EQL has no date function/),
  ...each(TIME, "logscale", /^LogScale's time:hour\(\) and the other time functions assign a field/),
  ...each(
    ["day|neq", "week", "month and year"],
    "yara-l",
    /^YARA-L's timestamp functions give the minute, hour/,
  ),
  "week / esql": /^ES\|QL DATE_EXTRACT has no ISO 8601 week/,
  "fieldref|neq / eql": /^EQL cannot compare field/,
  "re|m / esql": /multi-line anchors \(the m flag\)/,
  "re|m / eql": /multi-line anchors \(the m flag\)/,
  "fieldref / eql": /^EQL cannot compare field/,
  "fieldref|startswith / eql": /^EQL cannot compare field/,
  "fieldref|startswith / yara-l": /^YARA-L compares two fields only for equality/,
  "fieldref|startswith / logscale": /^LogScale's test\(\) compares whole values/,
  "wildcards * and ? / splunk": /^Splunk search has no single-character wildcard/,
  "escaped \\* / splunk": /^Splunk search cannot match a literal "\*"/,
  "escaped \\* / eql": /^EQL wildcard matching cannot escape a literal \* or \?/,
  "keywords / esql": /^ES\|QL has no field-less keyword search/,
  "keywords / eql": /^EQL has no field-less keyword search/,
  "keywords / yara-l": /^YARA-L matches UDM fields and has no full-text keyword search/,
  "keywords |all / esql": /^ES\|QL has no field-less keyword search/,
  "keywords |all / eql": /^EQL has no field-less keyword search/,
  "keywords |all / yara-l": /^YARA-L matches UDM fields and has no full-text keyword search/,
};

// Kusto string columns are never null: a missing one reads as "" (scalar-data-types/null-values),
// and an unset UDM field reads as its zero value, "" or 0 (yara-l-2-0-syntax). Two Sigma events
// that differ only there are one event on the target, so the target cannot give both verdicts.
const KUSTO_EMPTY = "Kusto: a missing string column is the empty string";
const UDM_ZERO = "UDM: an unset field is its zero value";

/** `probe / target` → the events (by index) on which the target cannot agree, and why. */
const DIVERGES: Record<string, { events: number[]; why: string }> = {
  "exists: true / kql": { events: [1], why: KUSTO_EMPTY },
  "exists: false / kql": { events: [2], why: KUSTO_EMPTY },
  "empty string / kql": { events: [2], why: KUSTO_EMPTY },
  "empty string in a selection / kql": { events: [1], why: KUSTO_EMPTY },
  "exists: true / yara-l": { events: [1], why: UDM_ZERO },
  "exists: false / yara-l": { events: [2], why: UDM_ZERO },
  "empty string / yara-l": { events: [2], why: UDM_ZERO },
  "empty string in a selection / yara-l": { events: [1], why: UDM_ZERO },
  // The backend adds `!= 0` so events without a port do not match; a real port 0 is lost with them.
  "lt / yara-l": { events: [4], why: UDM_ZERO },
  "lte / yara-l": { events: [4], why: UDM_ZERO },
  // Unresolved: the SPL evaluator compares a non-numeric value with a number as text ("high" >
  // "1024"); the search command page does not say how Splunk compares them. Sigma's gt is numeric.
  "gt / splunk": { events: [3], why: "undocumented: search comparison of a non-numeric value" },
  "gte / splunk": { events: [3], why: "undocumented: search comparison of a non-numeric value" },
  // The event time is _time, which every Splunk event has: an event without it does not exist.
  "day|neq / splunk": { events: [1], why: "Splunk: every event has _time" },
};

function compile(detection: Record<string, unknown>): DetectionRule {
  const logsource = { product: "windows", category: "process_creation" };
  const { rules, diagnostics } = parseSigma(stringify({ title: "Probe", logsource, detection }));
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return rules[0] as DetectionRule;
}

const targets = Object.keys(CHECKED) as CheckedTarget[];
const pairs = PROBES.flatMap((p) => targets.map((t) => `${p.name} / ${t}`));

describe.each(PROBES.map((p) => [p.name, p] as const))("%s", (_, probe) => {
  const rule = compile(probe.detection);
  const shape = probe.shape ?? "process";
  const options = { placeholders: probe.placeholders };
  const engine = probe.events.map((e) => evaluateEvent(rule, e, options).matched);

  it("engine: the events include a match and a miss", () => {
    expect(engine).toContain(true);
    expect(engine).toContain(false);
  });

  it.each(targets)("%s agrees with the engine event by event", (target) => {
    const key = `${probe.name} / ${target}`;
    const converted = convert(rule, target, shape, probe.placeholders);
    if ("error" in converted) {
      expect(REFUSED[key], `${key} refused: ${converted.error}`).toBeDefined();
      expect(converted.error).toMatch(REFUSED[key]!);
      return;
    }
    expect(REFUSED[key], `${key} is listed as refused but converts`).toBeUndefined();
    const native = runNative(target, shape, converted.query, probe.events);
    if ("notEvaluated" in native) {
      expect(native.notEvaluated, key).toBe(UNSUPPORTED[key]);
      return;
    }
    expect(UNSUPPORTED[key], `${key} is listed as unsupported but evaluates`).toBeUndefined();
    const differing = probe.events.flatMap((_, i) => (engine[i] === native.matched[i] ? [] : [i]));
    const described = differing.map(
      (i) =>
        `event ${i} ${JSON.stringify(probe.events[i])}: engine ${engine[i]}, native ${native.matched[i]}`,
    );
    expect(differing, `${key}: ${converted.query}\n${described.join("\n")}`).toEqual(
      DIVERGES[key]?.events ?? [],
    );
  });
});

describe("the exception tables", () => {
  it("name only probe/target pairs that exist, each in one table", () => {
    const keys = [...Object.keys(UNSUPPORTED), ...Object.keys(REFUSED), ...Object.keys(DIVERGES)];
    expect(keys.filter((k) => !pairs.includes(k))).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
