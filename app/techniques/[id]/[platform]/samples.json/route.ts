import { getCatalog, getDetection } from "@/lib/content/catalog";
import { contentDir } from "@/lib/content/location";
import { kustoTablesFor } from "@/lib/native-eval/corpus";
import { evaluateDetection } from "@/lib/native-eval/run";

// Every platform sample event of a detection with its evaluated outcome, as one JSON file: the page
// shows the first few, this holds all of them (a threshold detection has hundreds), ready to load
// into a test tenant. Built with the pages; public, as the page is.
export const dynamic = "force-static";
export const dynamicParams = false;

type Params = { id: string; platform: string };

export function generateStaticParams(): Params[] {
  return getCatalog().techniques.flatMap((t) =>
    t.detections
      .filter((d) => t.platformSamples[d.platform])
      .map((d) => ({ id: t.id, platform: d.platform })),
  );
}

export async function GET(_request: Request, ctx: { params: Promise<Params> }) {
  const { id, platform } = await ctx.params;
  const technique = getCatalog().techniques.find((t) => t.id === id);
  const detection = getDetection(id, platform);
  const samples = technique?.platformSamples[platform];
  if (!technique || !detection || !samples) return Response.json({ error: "no samples" }, { status: 404 });
  const evaluation = evaluateDetection(detection, samples, { kustoTables: kustoTablesFor(contentDir()) });
  const outcomes =
    evaluation.status === "evaluated" ? new Map(evaluation.outcomes.map((o) => [o.id, o])) : null;
  return Response.json(
    {
      technique: id,
      platform,
      detection: detection.id,
      detectionVersion: detection.version,
      shape: samples.shape,
      now: samples.now,
      evaluation:
        evaluation.status === "evaluated"
          ? { evaluator: evaluation.evaluator, asExpected: evaluation.asExpected }
          : { status: evaluation.status },
      events: samples.events.map((e) => {
        const outcome = outcomes?.get(e.id);
        return {
          id: e.id,
          name: e.name,
          kind: e.kind,
          ...(e.scenario ? { scenario: e.scenario } : {}),
          source: e.source,
          ...(outcome ? { matched: outcome.actual, decidedBy: outcome.clause } : {}),
          event: e.event,
        };
      }),
    },
    { headers: { "cache-control": "public, max-age=300, s-maxage=86400" } },
  );
}
