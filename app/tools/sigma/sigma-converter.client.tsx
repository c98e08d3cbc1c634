"use client";

import { useRef, useState } from "react";
import { EXAMPLE_EVENTS, EXAMPLE_RULE } from "@/app/tools/sigma/example";
import { Diagnostics, RuleResult } from "@/app/tools/sigma/results";
import type { ConvertResponse, Diagnostic } from "@/app/tools/sigma/types";

const field =
  "w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900";
const button =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800";

async function readFile(input: HTMLInputElement, set: (text: string) => void) {
  const file = input.files?.[0];
  if (file) set(await file.text());
  input.value = "";
}

/** The converter form: the rule and events go to /api/sigma/convert, which answers with highlighted queries. */
export function SigmaConverter({ pipelines }: { pipelines: string[] }) {
  const [rule, setRule] = useState("");
  const [events, setEvents] = useState("");
  const [pipeline, setPipeline] = useState("");
  const [result, setResult] = useState<ConvertResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ruleRef = useRef<HTMLTextAreaElement>(null);

  async function convert() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/sigma/convert", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          rule,
          ...(events.trim() ? { events } : {}),
          ...(pipeline ? { pipeline } : {}),
        }),
      });
      const body = (await res.json()) as Partial<ConvertResponse> & { error?: string };
      setResult({
        diagnostics: body.diagnostics ?? [],
        rules: body.rules ?? [],
        events: body.events ?? null,
      });
      if (!res.ok) setError(body.error ?? `The server answered ${res.status}.`);
    } catch (cause) {
      setResult(null);
      setError(`Could not reach the converter: ${(cause as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  function jump(d: Diagnostic) {
    const area = ruleRef.current;
    if (!area) return;
    const lines = rule.split("\n");
    const offset = lines.slice(0, d.line - 1).reduce((n, l) => n + l.length + 1, 0) + d.column - 1;
    area.focus();
    area.setSelectionRange(offset, Math.min(offset + 1, rule.length));
  }

  return (
    <div className="space-y-6">
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          void convert();
        }}
      >
        <div className="space-y-1.5">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <label htmlFor="sigma-rule" className="font-semibold">
              Sigma rule (YAML)
            </label>
            <span className="flex gap-2">
              <button
                type="button"
                className={button}
                onClick={() => {
                  setRule(EXAMPLE_RULE);
                  setEvents(EXAMPLE_EVENTS);
                }}
              >
                Load example
              </button>
              <label className={`${button} cursor-pointer`}>
                Upload rule
                <input
                  type="file"
                  accept=".yml,.yaml,text/yaml"
                  className="sr-only"
                  onChange={(e) => readFile(e.currentTarget, setRule)}
                />
              </label>
            </span>
          </div>
          <textarea
            id="sigma-rule"
            ref={ruleRef}
            value={rule}
            onChange={(e) => setRule(e.target.value)}
            rows={16}
            spellCheck={false}
            className={field}
            required
          />
        </div>
        <div className="space-y-1.5">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <label htmlFor="sigma-events" className="font-semibold">
              Sample events (optional: JSON, a JSON array, or one JSON object per line)
            </label>
            <label className={`${button} cursor-pointer`}>
              Upload events
              <input
                type="file"
                accept=".json,.ndjson,.jsonl,application/json"
                className="sr-only"
                onChange={(e) => readFile(e.currentTarget, setEvents)}
              />
            </label>
          </div>
          <textarea
            id="sigma-events"
            value={events}
            onChange={(e) => setEvents(e.target.value)}
            rows={5}
            spellCheck={false}
            className={field}
          />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="sigma-pipeline" className="font-semibold">
            Pipeline (pySigma&apos;s names where ours is the equivalent)
          </label>
          <select
            id="sigma-pipeline"
            value={pipeline}
            onChange={(e) => setPipeline(e.target.value)}
            className="block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            <option value="">Each target&apos;s default</option>
            {pipelines.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={busy || !rule.trim()}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {busy ? "Converting…" : "Validate and convert"}
        </button>
      </form>
      <div aria-live="polite" className="space-y-4">
        {error && (
          <p role="alert" className="font-medium text-red-800 dark:text-red-200">
            {error}
          </p>
        )}
        {result && <Diagnostics items={result.diagnostics} onJump={jump} />}
        {result?.rules.map((r, i) => (
          <RuleResult key={i} rule={r} />
        ))}
      </div>
    </div>
  );
}
