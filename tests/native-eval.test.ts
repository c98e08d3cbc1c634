// Issue 14 in CI: every native query that has platform samples and an evaluator either is
// evaluated and fires on all its true positives and on none of its benign events, or says which
// construct kept it from being evaluated (and that is listed, never passed). Sample field names
// resolve in the platform's field registry (the registries content:verify uses).
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { contentDir } from "@/lib/content/location";
import { evaluateCorpus, kustoTablesFor } from "@/lib/native-eval/corpus";
import { checkSampleFields } from "@/lib/native-eval/fields";
import { evaluateDetection, outcomeAsExpected } from "@/lib/native-eval/run";
import { registriesFor } from "@/lib/verify/names/rules";

const dir = contentDir();
const catalog = loadContent(dir);
const entries = evaluateCorpus(catalog, dir).filter((e) => e.evaluation.status !== "no-samples");
const evaluated = entries.filter((e) => e.evaluation.status === "evaluated");

describe("native queries against their platform samples", () => {
  it("has samples to evaluate", () => {
    expect(evaluated.length).toBeGreaterThan(0);
  });

  it("no evaluator fails with an error of its own", () => {
    const errors = entries.flatMap((e) =>
      e.evaluation.status === "error"
        ? [`${e.technique.id} ${e.detection.platform}: ${e.evaluation.message}`]
        : [],
    );
    expect(errors).toEqual([]);
  });

  it.each(evaluated.map((e) => [`${e.technique.id} ${e.detection.platform}`, e] as const))(
    "%s fires on every true positive and on no benign event",
    (_, { evaluation }) => {
      if (evaluation.status !== "evaluated") throw new Error("unreachable");
      const wrong = evaluation.outcomes
        .filter((o) => !outcomeAsExpected(o, evaluation.outcomes))
        .map((o) => `${o.id} (${o.kind}) ${o.actual ? "matched" : "not matched"}: ${o.clause}`);
      expect(wrong).toEqual([]);
    },
  );
});

describe("platform sample field names", () => {
  const registries = registriesFor(dir);
  const kusto = kustoTablesFor(dir);
  const files = catalog.techniques.flatMap((t) => Object.entries(t.platformSamples));
  it.each(files.map(([platform, s]) => [s.file, platform, s] as const))(
    "%s uses only registered field names",
    (_, platform, samples) => {
      const problems = checkSampleFields(platform, samples, registries, kusto).map(
        (p) =>
          `${p.sample}: ${p.message}${p.suggestions.length ? ` (nearest: ${p.suggestions.join(", ")})` : ""}`,
      );
      expect(problems).toEqual([]);
    },
  );
});

// Mutation tests (issue 14): change a true positive where the query is documented as strict and the
// evaluation flips from match to miss, naming the clause that decided.
describe("KQL mutations flip a true positive to a miss", () => {
  const mutate = (technique: string, platform: string, id: string, change: Record<string, unknown>) => {
    const t = catalog.techniques.find((x) => x.id === technique)!;
    const d = t.detections.find((x) => x.platform === platform)!;
    const samples = t.platformSamples[platform]!;
    const before = evaluateDetection(d, samples, { kustoTables: kustoTablesFor(dir) });
    const events = samples.events.map((e) =>
      e.id === id ? { ...e, event: { ...e.event, ...change }, tagged: { ...e.tagged, ...change } } : e,
    );
    const after = evaluateDetection(d, { ...samples, events }, { kustoTables: kustoTablesFor(dir) });
    if (before.status !== "evaluated" || after.status !== "evaluated") throw new Error("not evaluated");
    return {
      before: before.outcomes.find((o) => o.id === id)!,
      after: after.outcomes.find((o) => o.id === id)!,
    };
  };

  it("== is case-sensitive: a lower-cased ActionType no longer matches (T1098 Defender XDR)", () => {
    const { before, after } = mutate("T1098", "defender-xdr", "tp-new-actor", {
      ActionType: "group membership changed",
    });
    expect(before.actual).toBe(true);
    expect(after.actual).toBe(false);
    expect(after.clause).toBe('where ActionType == "Group Membership changed"');
  });

  it("a path segment the exclusion keys on: the renamed binary moved under C:\\Windows is excluded (T1036.003 Defender XDR)", () => {
    const { before, after } = mutate("T1036.003", "defender-xdr", "tp-renamed-cmd", {
      FolderPath: "C:\\Windows\\Temp\\update.exe",
    });
    expect(before.actual).toBe(true);
    expect(after.actual).toBe(false);
    expect(after.clause).toContain('not(FolderPath startswith @"C:\\Windows\\"');
  });

  it("a value the Sentinel query keys on: an RDP logon from a public address is not loopback (T1572 Sentinel)", () => {
    const { before, after } = mutate("T1572", "sentinel", "tp-rdp-loopback", { IpAddress: "10.20.4.17" });
    expect(before.actual).toBe(true);
    expect(after.actual).toBe(false);
    expect(after.clause).toBe('where IpAddress in ("127.0.0.1", "::1") or IpAddress startswith "127."');
  });
});
