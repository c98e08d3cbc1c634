// The detection page's view of a native evaluation: one sentence, in the page's words, built
// from the runner's result so the page and the CLI can never disagree.
import type { DetectionEvaluation } from "@/lib/native-eval/run";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "fires on 3 of 3 attack events, silent on 2 of 2 benign ones", or why it was not evaluated. */
export function nativeSentence(e: DetectionEvaluation): string {
  switch (e.status) {
    case "evaluated":
      return `fires on ${e.truePositives.asExpected} of ${plural(e.truePositives.total, "attack event")}, silent on ${e.benign.asExpected} of ${e.benign.total} benign ${e.benign.total === 1 ? "one" : "ones"}`;
    case "not-evaluated":
      return `not evaluated: ${e.construct}`;
    case "error":
      return `not evaluated: the evaluator failed (${e.message})`;
    case "no-evaluator":
      return `not evaluated: no ${e.language} evaluator yet`;
    case "no-samples":
      return "not evaluated: no platform-shaped sample events yet";
  }
}
