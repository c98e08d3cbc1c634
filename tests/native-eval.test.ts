// Issue 14 in CI: every native query that has platform samples and an evaluator either is
// evaluated and fires on all its true positives and on none of its benign events, or says which
// construct kept it from being evaluated (and that is listed, never passed). Sample field names
// resolve in the platform's field registry (the registries content:verify uses).
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { contentDir } from "@/lib/content/location";
import { evaluateCorpus, kustoTablesFor } from "@/lib/native-eval/corpus";
import { checkSampleFields } from "@/lib/native-eval/fields";
import { outcomeAsExpected } from "@/lib/native-eval/run";
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
