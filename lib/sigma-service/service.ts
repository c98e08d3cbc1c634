import "server-only";
// What POST /api/sigma/convert does: validate, convert to each requested backend (highlighted
// with our one Shiki setup), link ATT&CK tags to our technique pages, and optionally run the
// rule over pasted events. Returns a narrow DTO; bad input is a typed SigmaRequestError (4xx).
import { z } from "zod";
import { getTechnique } from "@/lib/content/catalog";
import { highlightQueryToHtml } from "@/lib/highlight/highlighter";
import { backends, convertRule, hiddenRules } from "@/lib/sigma/backends/convert";
import { NOT_OFFERED, PIPELINE_NAMES } from "@/lib/sigma/backends/named-pipelines";
import { loadPipelines } from "@/lib/sigma/backends/pipeline";
import { TARGETS } from "@/lib/sigma/backends/types";
import { Budget, SigmaBudgetError } from "@/lib/sigma/engine/budget";
import { evaluateEvent, parseEvents, SigmaEvalError } from "@/lib/sigma/engine/evaluate";
import {
  MAX_HIGHLIGHT_CHARS,
  MAX_HIGHLIGHT_TOTAL,
  MAX_RULE_BYTES,
  MAX_VALUE_CHARS,
  MAX_VALUES_PER_FIELD,
} from "@/lib/sigma/engine/limits";
import type { Diagnostic } from "@/lib/sigma/engine/model";
import { hasErrors, parseSigma } from "@/lib/sigma/engine/parse";
import { routes } from "@/lib/routes";
import { parseUserPipeline, type UserPipeline } from "@/lib/sigma/user-pipeline/parse";

export const MAX_EVENTS_BYTES = 512 * 1024;
// The rule and a pipeline file (each at most MAX_RULE_BYTES), the events and the JSON around them.
export const MAX_BODY_BYTES = 2 * MAX_RULE_BYTES + MAX_EVENTS_BYTES + 4096;
const MAX_EVENTS = 1000;

export class SigmaRequestError extends Error {
  constructor(
    readonly status: 400 | 413 | 422,
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
    this.name = "SigmaRequestError";
  }
}

export const convertRequestSchema = z.strictObject({
  rule: z.string().min(1, "paste a Sigma rule"),
  targets: z
    .array(z.enum(TARGETS))
    .min(1)
    .max(TARGETS.length)
    .default([...TARGETS]),
  /** A named pipeline (pySigma's names where ours is the equivalent, or none). */
  pipeline: z.string().max(64).optional(),
  /** |expand placeholder values: name -> values (Sigma's placeholder values file). */
  placeholders: z
    .record(z.string().max(256), z.array(z.string().max(MAX_VALUE_CHARS)).max(MAX_VALUES_PER_FIELD))
    .refine((r) => Object.keys(r).length <= 256, "at most 256 placeholders")
    .optional(),
  /** The user's own pipeline in pySigma's YAML format, applied before the named one. */
  pipeline_yaml: z
    .string()
    .max(MAX_RULE_BYTES, `pipeline_yaml is limited to ${MAX_RULE_BYTES / 1024} KB`)
    .optional(),
  events: z
    .string()
    .max(MAX_EVENTS_BYTES, `events are limited to ${MAX_EVENTS_BYTES / 1024} KB`)
    .optional(),
});

const SHIKI: Record<string, "splunk" | "kusto" | "esql" | "eql" | "text"> = {
  splunk: "splunk",
  kql: "kusto",
  lucene: "text",
  esql: "esql",
  eql: "eql",
  // No Shiki grammar for YARA-L or CQL: shown as escaped text.
  "yara-l": "text",
  logscale: "text",
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Shiki's HTML, or the escaped text for a query too long to highlight quickly or once the
 * request's highlighting allowance is spent (see MAX_HIGHLIGHT_CHARS in limits.ts). Called in
 * the same order for the same request, so the answer does not depend on timing.
 */
async function queryHtml(query: string, language: (typeof SHIKI)[string], allowance: { chars: number }) {
  if (query.length > MAX_HIGHLIGHT_CHARS || query.length > allowance.chars)
    return `<pre class="plain"><code>${escapeHtml(query)}</code></pre>`;
  allowance.chars -= query.length;
  return highlightQueryToHtml(query, language);
}

function tagLink(tag: string) {
  const m = /^attack\.(t\d{4}(?:\.\d{3})?)$/.exec(tag);
  const id = m?.[1]?.toUpperCase();
  return { tag, href: id && getTechnique(id) ? routes.technique(id) : null };
}

export async function convertSigma(input: z.infer<typeof convertRequestSchema>) {
  if (
    input.pipeline !== undefined &&
    !PIPELINE_NAMES.includes(input.pipeline) &&
    !loadPipelines().some((p) => p.name === input.pipeline) &&
    !NOT_OFFERED[input.pipeline]
  )
    throw new SigmaRequestError(
      422,
      `unknown pipeline "${input.pipeline}"; known: ${PIPELINE_NAMES.join(", ")}`,
    );
  let user: UserPipeline | undefined;
  if (input.pipeline_yaml?.trim()) {
    const parsed = parseUserPipeline(input.pipeline_yaml);
    if (!parsed.pipeline) throw new SigmaRequestError(422, "the pipeline has errors", parsed.diagnostics);
    user = parsed.pipeline;
  }
  const { rules, diagnostics } = parseSigma(input.rule);
  if (hasErrors(diagnostics)) throw new SigmaRequestError(422, "the rule has errors", diagnostics);
  let events: Array<Record<string, unknown>> | null = null;
  if (input.events?.trim()) {
    try {
      events = parseEvents(input.events);
    } catch (error) {
      if (!(error instanceof SigmaEvalError)) throw error;
      throw new SigmaRequestError(422, `events: ${error.message}`, diagnostics);
    }
    if (events.length > MAX_EVENTS)
      throw new SigmaRequestError(413, `at most ${MAX_EVENTS} events per request`, diagnostics);
  }
  // One budget for all the request's evaluation work, whatever mix of rules and events it holds.
  const budget = new Budget();
  const allowance = { chars: MAX_HIGHLIGHT_TOTAL };
  // Rules a correlation uses with generate: false are its building blocks, not outputs.
  const hidden = hiddenRules(rules);
  const out = await Promise.all(
    rules
      .filter((rule) => !hidden.has(rule))
      .map(async (rule) => {
        const conversions = await Promise.all(
          input.targets.map(async (target) => {
            const backend = backends[target];
            const result = convertRule(rule, target, input.pipeline, rules, user, input.placeholders);
            const base = { target, label: backend.label, extension: backend.extension };
            if ("error" in result) return { ...base, error: result.error };
            return {
              ...base,
              query: result.query,
              pipeline: result.pipeline,
              html: await queryHtml(result.query, SHIKI[target]!, allowance),
            };
          }),
        );
        let evaluation:
          | { matched: number; results: Array<{ index: number; matched: boolean; fired: string[] }> }
          | { error: string }
          | null = null;
        if (events && rule.type === "rule") {
          try {
            const results = events.map((e, index) => ({ index, ...evaluateEvent(rule, e, { budget }) }));
            evaluation = { matched: results.filter((r) => r.matched).length, results };
          } catch (error) {
            if (error instanceof SigmaBudgetError)
              throw new SigmaRequestError(422, error.message, diagnostics);
            if (!(error instanceof SigmaEvalError)) throw error;
            evaluation = { error: error.message };
          }
        }
        return {
          kind: rule.type,
          title: rule.title,
          id: rule.id ?? null,
          level: rule.type === "rule" ? (rule.level ?? null) : null,
          tags: rule.tags.map(tagLink),
          conversions,
          evaluation,
        };
      }),
  );
  return { diagnostics, rules: out, events: events?.length ?? null };
}
