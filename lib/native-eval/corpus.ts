// Evaluates every detection that has platform samples: the figures content:evaluate prints, the
// CI test asserts and the README publishes. Pure Node (no Next.js), like the content loader.
import type { Catalog, Detection, Technique } from "@/lib/content/model";
import { evaluateDetection, type DetectionEvaluation, type RunOptions } from "@/lib/native-eval/run";
import { loadKustoTables, type KustoTable } from "@/lib/verify/kusto/tables";

export type CorpusEntry = { technique: Technique; detection: Detection; evaluation: DetectionEvaluation };

export type PlatformFigures = {
  platform: string;
  queries: number;
  withSamples: number;
  evaluated: number;
  asExpected: number;
  notEvaluated: { technique: string; construct: string }[];
  errors: number;
};

const kustoCache = new Map<string, KustoTable[]>();
export function kustoTablesFor(contentDir: string): KustoTable[] {
  let tables = kustoCache.get(contentDir);
  if (!tables) {
    tables = loadKustoTables(contentDir);
    kustoCache.set(contentDir, tables);
  }
  return tables;
}

export function evaluateCorpus(
  catalog: Catalog,
  contentDir: string,
  options: RunOptions = {},
): CorpusEntry[] {
  const kustoTables = kustoTablesFor(contentDir);
  return catalog.techniques.flatMap((technique) =>
    technique.detections.map((detection) => ({
      technique,
      detection,
      evaluation: evaluateDetection(detection, technique.platformSamples[detection.platform], {
        kustoTables,
        ...options,
      }),
    })),
  );
}

export function figures(entries: CorpusEntry[]): PlatformFigures[] {
  const by = new Map<string, PlatformFigures>();
  for (const { technique, detection, evaluation: e } of entries) {
    const f = by.get(detection.platform) ?? {
      platform: detection.platform,
      queries: 0,
      withSamples: 0,
      evaluated: 0,
      asExpected: 0,
      notEvaluated: [],
      errors: 0,
    };
    f.queries++;
    if (e.status !== "no-samples") f.withSamples++;
    if (e.status === "evaluated") {
      f.evaluated++;
      if (e.asExpected) f.asExpected++;
    }
    if (e.status === "not-evaluated")
      f.notEvaluated.push({ technique: technique.id, construct: e.construct });
    by.set(detection.platform, f);
  }
  return [...by.values()];
}
