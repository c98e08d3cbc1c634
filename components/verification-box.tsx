import type { DetectionEvaluation } from "@/lib/native-eval/run";
import { nativeSentence } from "@/lib/native-eval/summary";
import type { Verification } from "@/lib/verify/detection-summary";

const PARSER: Record<string, string> = {
  kql: "Microsoft's Kusto language service, against the declared table schemas",
  eql: "our EQL syntax check",
  esql: "our ES|QL syntax check",
  spl: "our SPL syntax check",
  "yara-l": "our YARA-L 2.0 syntax check",
  logscale: "our LogScale syntax check",
};

const outcome = (findings: number) =>
  findings === 0 ? "passed" : `${findings} finding${findings === 1 ? "" : "s"}`;

/**
 * What the build checked for this detection and what it did not, in plain words. Every line comes
 * from `detectionVerification`, which runs the checks themselves: nothing here is hand-written.
 */
export function VerificationBox({
  verification: v,
  native,
  language,
  platformName,
}: {
  verification: Verification;
  /** The native query run on platform-shaped samples (lib/native-eval/run), computed at build time. */
  native?: DetectionEvaluation;
  language: string;
  platformName: string;
}) {
  const samples = v.samples;
  const exclusions = v.queries - 1;
  return (
    <div
      className="rounded-lg border border-slate-200 p-4 text-sm [overflow-wrap:anywhere] dark:border-slate-800"
      data-testid="verification"
    >
      <h2 className="mb-3 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
        Verification
      </h2>
      <h3 className="font-medium">Checked at build time</h3>
      <ul className="mt-1 list-disc space-y-1.5 pl-5">
        <li>
          Parse: the query{exclusions > 0 ? ` and ${exclusions} exclusion${exclusions === 1 ? "" : "s"}` : ""}{" "}
          with {PARSER[language]}: {outcome(v.parse.problems)}.
        </li>
        {v.names.checked && (
          <li>
            Names: {v.names.resolved} table, field and value names resolved against{" "}
            {v.names.sources.length === 1 ? v.names.sources[0] : `${v.names.sources.length} registries`}
            {v.names.unknown > 0 ? `; ${v.names.unknown} unknown` : ""}.
            {v.names.sources.length > 1 && (
              // Sources name files and commits: long, so folded and allowed to break anywhere.
              <details className="mt-1">
                <summary className="cursor-pointer text-xs">Registry sources</summary>
                <ul className="mt-1 space-y-0.5 text-xs [overflow-wrap:anywhere] text-slate-600 dark:text-slate-400">
                  {v.names.sources.map((source) => (
                    <li key={source}>{source}</li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        )}
        {v.deployment.checked && (
          <li>
            Deployment settings against {platformName}&apos;s limits: {outcome(v.deployment.findings)}.
          </li>
        )}
        {v.rules.length > 0 && (
          <li>
            {v.rules.length} semantic rule{v.rules.length === 1 ? "" : "s"}:
            <ul className="mt-1 space-y-0.5">
              {v.rules.map((r) => (
                <li key={r.id}>
                  <a
                    className="font-mono text-xs underline underline-offset-2"
                    href={r.docs}
                    title={r.reason}
                  >
                    {r.id}
                  </a>{" "}
                  {outcome(r.findings)}
                </li>
              ))}
            </ul>
          </li>
        )}
        {samples && (
          <li>
            Samples: the portable Sigma rule against {samples.truePositives} true-positive events and{" "}
            {samples.benign} benign look-alikes:{" "}
            {samples.failures === 0
              ? "fires on every attack and on no look-alike"
              : outcome(samples.failures)}
            .
          </li>
        )}
        {native?.status === "evaluated" && (
          <li data-testid="verification-native">
            The {platformName} query on {native.shape} sample rows:{" "}
            <a className="underline underline-offset-2" href="#native-evaluation">
              {nativeSentence(native)}
            </a>{" "}
            ({native.evaluator}).
          </li>
        )}
      </ul>
      <h3 className="mt-3 font-medium">Not checked</h3>
      <ul className="mt-1 list-disc space-y-1.5 pl-5">
        {!v.names.checked && <li>Field and table names: no {platformName} name registry is checked yet.</li>}
        {!samples && <li>Sample events: this technique has none yet.</li>}
        {!native ? (
          <li>
            The {platformName} query itself was not run against the sample events or a live {platformName}{" "}
            tenant.
          </li>
        ) : native.status === "evaluated" ? (
          <li>
            The query was not run in a live {platformName} tenant: the sample result comes from our own{" "}
            {language.toUpperCase()} evaluator, not {platformName}&apos;s engine.
          </li>
        ) : (
          <li data-testid="verification-native">
            The {platformName} query on sample events: {nativeSentence(native)}. It was not run in a live{" "}
            {platformName} tenant either.
          </li>
        )}
        <li>Whether the explanation matches the query is reviewed by people, not checked by machine.</li>
      </ul>
    </div>
  );
}
