// Language → evaluator. Each language's helper adds one import and one entry; a language without
// an entry is reported "no evaluator" (never a pass).
import type { QueryLanguage } from "@/lib/content/schema";
import type { NativeEvaluator } from "@/lib/native-eval/types";
import { eqlEvaluator } from "@/lib/native-eval/eql";
import { esqlEvaluator } from "@/lib/native-eval/esql";
import { kqlEvaluator } from "@/lib/native-eval/kql";
import { logscaleEvaluator } from "@/lib/native-eval/logscale";
import { splEvaluator } from "@/lib/native-eval/spl";
import { yaraLEvaluator } from "@/lib/native-eval/yara-l";

export const EVALUATORS: Partial<Record<QueryLanguage, NativeEvaluator>> = {
  kql: kqlEvaluator,
  eql: eqlEvaluator,
  esql: esqlEvaluator,
  "yara-l": yaraLEvaluator,
  spl: splEvaluator,
  logscale: logscaleEvaluator,
};
