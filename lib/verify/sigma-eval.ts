// The samples check's view of the Sigma engine (lib/sigma/engine): does a rule's detection match
// an event? One implementation of Sigma semantics serves the corpus, the CLI, the API and the
// converter page. Anything the engine rejects or cannot decide throws SigmaEvalError.
import { stringify } from "yaml";
import { evaluateEvent, SigmaEvalError } from "@/lib/sigma/engine/evaluate";
import type { DetectionRule } from "@/lib/sigma/engine/model";
import { hasErrors, parseSigma } from "@/lib/sigma/engine/parse";

export { SigmaEvalError };

/** Parses a rule for evaluation, throwing its first error as a SigmaEvalError. */
export function compileRule(source: string): DetectionRule {
  const { rules, diagnostics } = parseSigma(source);
  if (hasErrors(diagnostics)) {
    const d = diagnostics.find((x) => x.severity === "error")!;
    throw new SigmaEvalError(`line ${d.line}:${d.column}: ${d.message}`);
  }
  const rule = rules[0];
  if (!rule || rule.type !== "rule")
    throw new SigmaEvalError("correlation rules match sequences of events, not single events");
  return rule;
}

export function sigmaMatches(detection: Record<string, unknown>, event: Record<string, unknown>): boolean {
  const rule = compileRule(stringify({ title: "samples", logsource: { product: "any" }, detection }));
  return evaluateEvent(rule, event).matched;
}
