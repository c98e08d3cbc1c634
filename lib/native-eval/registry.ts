// Language → evaluator. Each language's helper adds one import and one entry; a language without
// an entry is reported "no evaluator" (never a pass).
import type { QueryLanguage } from "@/lib/content/schema";
import type { NativeEvaluator } from "@/lib/native-eval/types";
import { kqlEvaluator } from "@/lib/native-eval/kql";

export const EVALUATORS: Partial<Record<QueryLanguage, NativeEvaluator>> = {
  kql: kqlEvaluator,
};
