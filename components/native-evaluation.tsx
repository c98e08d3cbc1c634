import { CopyButton } from "@/components/copy-button.client";
import type { DetectionEvaluation } from "@/lib/native-eval/run";
import { outcomeAsExpected } from "@/lib/native-eval/run";
import { nativeSentence } from "@/lib/native-eval/summary";

/**
 * The native query run against events in the platform's own shape, computed at build time by the
 * same runner as `npm run content:evaluate`. Each event is one click away as JSON; a query the
 * evaluator cannot run says so and names the construct.
 */
export function NativeEvaluation({
  evaluation: e,
  platformName,
  samplesHref,
}: {
  evaluation: DetectionEvaluation;
  platformName: string;
  /** The JSON file with every sample event and its outcome. */
  samplesHref: string;
}) {
  if (e.status !== "evaluated")
    return (
      <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="native-evaluation">
        The {platformName} query: {nativeSentence(e)}.
        {"evaluator" in e && <span className="text-slate-600 dark:text-slate-400"> ({e.evaluator})</span>}
      </p>
    );
  const shown = [
    ...e.outcomes.filter((o) => o.kind === "true-positive").slice(0, PER_KIND),
    ...e.outcomes.filter((o) => o.kind === "benign").slice(0, PER_KIND),
  ];
  const hidden = e.outcomes.length - shown.length;
  // One event of each kind as JSON on the page; every event is in the JSON file.
  const withJson = new Set([
    shown.find((o) => o.kind === "true-positive"),
    shown.find((o) => o.kind === "benign"),
  ]);
  return (
    <div className="space-y-3 text-sm" data-testid="native-evaluation">
      <p className="text-slate-700 dark:text-slate-300">
        The {platformName} query, exactly as above, {nativeSentence(e)}, evaluated on{" "}
        <span className="font-mono text-xs">{e.shape}</span> rows ({e.evaluator}).
      </p>
      <ul className="space-y-2">
        {shown.map((o) => {
          const ok = outcomeAsExpected(o, e.outcomes);
          const headline = (
            <>
              <span className="font-medium">{o.kind === "benign" ? "Benign" : "Attack"}</span>: {o.name}{" "}
              <span className="text-slate-600 dark:text-slate-400">·</span>{" "}
              <span className={ok ? "" : "font-semibold text-red-700 dark:text-red-300"}>
                {o.actual ? "matched" : "not matched"}
                {ok ? "" : " (not as expected)"}
              </span>
            </>
          );
          const decided = (
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              Decided by <code className="break-all">{shortClause(o.clause)}</code>
              {o.scenario ? ` · scenario ${o.scenario}` : ""} · source {o.source}
            </p>
          );
          return (
            <li key={o.id} className="rounded border border-slate-200 px-3 py-2 dark:border-slate-800">
              {withJson.has(o) ? (
                <details>
                  <summary className="cursor-pointer">{headline}</summary>
                  {decided}
                  <SampleEvent event={o.event} />
                </details>
              ) : (
                <>
                  <p>{headline}</p>
                  {decided}
                </>
              )}
            </li>
          );
        })}
      </ul>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {hidden > 0 ? `${shown.length} of ${e.outcomes.length} events shown. ` : ""}
        <a className="underline underline-offset-2" href={samplesHref} data-testid="samples-json">
          All {e.outcomes.length} events with their outcomes (JSON)
        </a>
        , to load into a test tenant; <code>npm run content:evaluate</code> runs them locally.
      </p>
    </div>
  );
}

/**
 * A matching event is decided by every conjunct, so the evaluators report the whole condition: a
 * query's length, repeated per event. The page shows its start; the JSON has it whole.
 */
function shortClause(clause: string): string {
  return clause.length <= CLAUSE_CHARS
    ? clause
    : `${clause.slice(0, CLAUSE_CHARS).trimEnd()}… (whole clause in the JSON)`;
}
const CLAUSE_CHARS = 160;

/**
 * The first few outcomes of each kind, the first event of each kind as JSON; the rest are one link
 * away. Threshold detections carry hundreds of events, and each one shown travels twice (in the
 * HTML and in the React payload): six ECS documents were a quarter of the heaviest page.
 */
const PER_KIND = 6;

/**
 * One sample event as plain JSON: not highlighted, because per-token colour spans made a page with
 * a dozen ECS documents weigh hundreds of kilobytes (sent twice: in the HTML and the RSC payload).
 */
function SampleEvent({ event }: { event: unknown }) {
  return (
    <figure className="my-2">
      <figcaption className="mb-1 flex items-center justify-between gap-2">
        <span className="font-mono text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
          Event (JSON)
        </span>
        <CopyButton />
      </figcaption>
      <pre className="overflow-x-auto rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800 dark:bg-slate-900 dark:text-slate-200">
        <code>{JSON.stringify(event, null, 2)}</code>
      </pre>
    </figure>
  );
}
