// Presentational pieces of the converter: diagnostics, one backend's query, the evaluation.
import Link from "next/link";
import { CopyButton } from "@/components/copy-button.client";
import type { Conversion, ConvertedRule, Diagnostic } from "@/app/tools/sigma/types";

export function Diagnostics({ items, onJump }: { items: Diagnostic[]; onJump: (d: Diagnostic) => void }) {
  if (items.length === 0) return null;
  return (
    <ul aria-label="Validation messages" className="space-y-2" data-testid="diagnostics">
      {items.map((d, i) => (
        <li
          key={i}
          className={`rounded-md border px-3 py-2 text-sm ${d.severity === "error" ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100" : "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"}`}
        >
          <button type="button" onClick={() => onJump(d)} className="font-mono font-semibold underline">
            line {d.line}, column {d.column}
          </button>{" "}
          <span className="font-semibold">{d.severity}:</span> {d.message}
          <div className="mt-0.5 opacity-90">{d.hint}</div>
        </li>
      ))}
    </ul>
  );
}

function QueryCard({ c }: { c: Conversion }) {
  return (
    <figure
      className="rounded-lg border border-slate-200 p-3 dark:border-slate-800"
      data-testid={`query-${c.target}`}
    >
      <figcaption className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <span className="font-mono text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
          {c.label}
        </span>
        {c.query !== undefined && (
          <span className="flex gap-2">
            <CopyButton text={c.query} />
            <a
              href={`data:text/plain;charset=utf-8,${encodeURIComponent(c.query)}`}
              download={`sigma-rule.${c.extension}`}
              className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              Download
            </a>
          </span>
        )}
      </figcaption>
      {c.html ? (
        // Shiki's HTML, produced on our server from the escaped query text.
        <div className="overflow-x-auto text-sm" dangerouslySetInnerHTML={{ __html: c.html }} />
      ) : (
        <p className="text-sm text-red-800 dark:text-red-200">Cannot convert: {c.error}</p>
      )}
    </figure>
  );
}

export function RuleResult({ rule }: { rule: ConvertedRule }) {
  const evaluation = rule.evaluation;
  return (
    <section className="min-w-0 space-y-3" aria-label={`Results for ${rule.title}`}>
      <h2 className="text-xl font-semibold">{rule.title}</h2>
      {rule.tags.length > 0 && (
        <ul className="flex flex-wrap gap-2 text-sm" aria-label="Tags">
          {rule.tags.map((t) => (
            <li key={t.tag} className="rounded-full bg-slate-100 px-2.5 py-0.5 font-mono dark:bg-slate-800">
              {t.href ? (
                <Link href={t.href} className="text-brand-700 underline dark:text-brand-300">
                  {t.tag}
                </Link>
              ) : (
                t.tag
              )}
            </li>
          ))}
        </ul>
      )}
      {evaluation && (
        <div
          data-testid="evaluation"
          className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800"
        >
          {"error" in evaluation ? (
            <p>Cannot evaluate: {evaluation.error}</p>
          ) : (
            <>
              <p className="font-semibold">
                {evaluation.matched} of {evaluation.results.length} events match
              </p>
              <ul className="mt-1 space-y-0.5">
                {evaluation.results.map((r) => (
                  <li key={r.index}>
                    Event {r.index + 1}: {r.matched ? "matches" : "no match"}
                    {r.fired.length > 0 && (
                      <span className="text-slate-600 dark:text-slate-400">
                        {" "}
                        (fired: {r.fired.join(", ")})
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <div className="min-w-0 space-y-3">
        {rule.conversions.map((c) => (
          <QueryCard key={c.target} c={c} />
        ))}
      </div>
    </section>
  );
}
