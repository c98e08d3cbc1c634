// The corpus mutation tests of every native evaluator: change one platform sample event and
// evaluate the detection before and after, so a test can show the decision flip and its clause.
import { loadContent } from "@/lib/content/load";
import { contentDir } from "@/lib/content/location";
import type { PlatformSamples } from "@/lib/content/platform-samples";
import { evaluateDetection } from "@/lib/native-eval/run";

const catalog = loadContent(contentDir());

type Event = Record<string, unknown>;

/** A copy of a nested document with one dotted path set. */
export function setPath(doc: Event, path: string, value: unknown): Event {
  const [head, ...rest] = path.split(".");
  const child = (doc[head!] ?? {}) as Event;
  return { ...doc, [head!]: rest.length ? setPath(child, rest.join("."), value) : value };
}

/** Top-level fields replaced, for flat events (Splunk rows, Falcon events). */
export const withFields = (fields: Event) => (event: Event) => ({ ...event, ...fields });

/** The sample's outcome before and after `change` is applied to its event. */
export function mutateSample(
  technique: string,
  platform: string,
  id: string,
  change: (event: Event) => Event,
) {
  const t = catalog.techniques.find((x) => x.id === technique)!;
  const detection = t.detections.find((d) => d.platform === platform)!;
  const samples = t.platformSamples[platform]!;
  const mutated: PlatformSamples = {
    ...samples,
    events: samples.events.map((e) =>
      e.id === id ? { ...e, event: change(e.event), tagged: change(e.tagged) } : e,
    ),
  };
  const outcome = (s: PlatformSamples) => {
    const r = evaluateDetection(detection, s);
    return r.status === "evaluated" ? r.outcomes.find((o) => o.id === id) : undefined;
  };
  return { before: outcome(samples), after: outcome(mutated) };
}
