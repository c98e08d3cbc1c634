// Shared by the modifier conformance tests: one probe rule per case, converted with a pipeline of
// our own per target (a source and a few field names, no fixed conditions), so the expected
// strings pin each backend's handling of the modifier and not the shipped pipelines, which change
// for other reasons. Every case also runs the engine on events that must and must not match.
import { expect, it } from "vitest";
import { convertRule } from "@/lib/sigma/backends/convert";
import type { Pipeline } from "@/lib/sigma/backends/pipeline";
import type { Placeholders } from "@/lib/sigma/backends/placeholders";
import { TARGETS, type Target } from "@/lib/sigma/backends/types";
import { evaluateEvent } from "@/lib/sigma/engine/evaluate";
import type { DetectionRule } from "@/lib/sigma/engine/model";
import { parseSigma } from "@/lib/sigma/engine/parse";

const ECS = {
  CommandLine: "process.command_line",
  DestinationIp: "destination.ip",
  DestinationPort: "destination.port",
  User: "user.name",
  ParentUser: "process.parent.user.name",
  Timestamp: "@timestamp",
};

/** The Sigma field names the probes use, as each target names them (YARA-L needs UDM paths). */
const FIELDS: Record<Target, Record<string, string>> = {
  splunk: {},
  kql: { CommandLine: "ProcessCommandLine", User: "AccountName", ParentUser: "InitiatingProcessAccountName" },
  lucene: ECS,
  esql: ECS,
  eql: ECS,
  "yara-l": {
    CommandLine: "target.process.command_line",
    DestinationIp: "target.ip",
    DestinationPort: "target.port",
    User: "target.user.userid",
    ParentUser: "principal.user.userid",
    Timestamp: "metadata.event_timestamp.seconds",
  },
  logscale: {},
};

const SOURCE: Partial<Record<Target, string>> = {
  kql: "DeviceProcessEvents",
  esql: "logs-*",
  eql: "process",
};

function pipeline(target: Target): Pipeline[] {
  return [
    {
      name: "conformance",
      description: "probe pipeline of the modifier conformance tests",
      order: 1,
      targets: [target],
      default_source: SOURCE[target] ?? "",
      fields: FIELDS[target],
      entries: [],
    },
  ];
}

/** Parses a rule whose only search identifier is `selection` (YAML lines indented by four spaces). */
export function rule(selection: string): DetectionRule {
  const text = `title: Probe\nlogsource: { product: windows, category: process_creation }\ndetection:\n  selection:\n${selection}\n  condition: selection\n`;
  const { rules, diagnostics } = parseSigma(text);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return rules[0] as DetectionRule;
}

type Outcome = { query: string } | { error: string };

export function convertProbe(r: DetectionRule, target: Target, placeholders?: Placeholders): Outcome {
  const result = convertRule(r, target, pipeline(target), [r], undefined, placeholders);
  return "error" in result ? { error: result.error } : { query: body(result.query, target) };
}

// YARA-L gives a whole rule (pinned once in modifiers-strings.test.ts); a probe's expression is
// its events section.
function body(query: string, target: Target): string {
  if (target !== "yara-l") return query;
  const events = /\n {2}events:\n([\s\S]*?)\n\n {2}condition:/.exec(query);
  if (!events) throw new Error(`no events section in ${query}`);
  return events[1]!.replace(/^ {4}/gm, "");
}

type Event = Record<string, unknown>;

/** What a target must give: the exact query (YARA-L: its events section), or a refusal. */
export type Expected = { doc: string; query: string } | { doc: string; refused: RegExp };

export type Probe = {
  /** The detection's `selection` body, YAML indented by four spaces. */
  selection: string;
  /** Events (Sigma field names) the rule must match, and events it must not. */
  match: Event[];
  miss: Event[];
  placeholders?: Placeholders;
  /** The engine refuses to evaluate `match` events with this message (they would need it to decide). */
  engineRefuses?: RegExp;
};

/**
 * One `it` for the engine (the probe's events) and one per target: the exact conversion, named
 * by the target documentation (`doc`) that makes it right.
 */
export function conformance(probe: Probe, expected: Record<Target, Expected>): void {
  if (probe.engineRefuses)
    it(`engine: refuses to evaluate (${probe.engineRefuses.source})`, () => {
      const r = rule(probe.selection);
      expect(probe.match.length).toBeGreaterThan(0);
      for (const e of probe.match)
        expect(() => evaluateEvent(r, e, { placeholders: probe.placeholders })).toThrow(probe.engineRefuses);
    });
  else
    it(`engine: matches ${probe.match.length} event(s), none of ${probe.miss.length} other(s)`, () => {
      const r = rule(probe.selection);
      const options = { placeholders: probe.placeholders };
      expect(probe.match.length + probe.miss.length).toBeGreaterThan(0);
      for (const e of probe.match) expect(evaluateEvent(r, e, options).matched, JSON.stringify(e)).toBe(true);
      for (const e of probe.miss) expect(evaluateEvent(r, e, options).matched, JSON.stringify(e)).toBe(false);
    });
  for (const target of TARGETS) {
    const want = expected[target];
    it(`${target}: ${want.doc}`, () => {
      const got = convertProbe(rule(probe.selection), target, probe.placeholders);
      if ("query" in want) expect(got).toEqual({ query: want.query });
      else {
        expect(got).toHaveProperty("error");
        expect((got as { error: string }).error).toMatch(want.refused);
      }
    });
  }
}

/** The whole YARA-L rule of a probe, for the one test that pins its layout. */
export function yaralRule(selection: string): string {
  const result = convertRule(rule(selection), "yara-l", pipeline("yara-l"));
  if ("error" in result) throw new Error(result.error);
  return result.query;
}
