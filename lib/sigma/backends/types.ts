import type { DetectionRule } from "@/lib/sigma/engine/model";
import type { ResolvedMapping } from "@/lib/sigma/backends/pipeline";

export const TARGETS = ["splunk", "kql", "lucene", "esql", "eql", "yara-l", "logscale"] as const;
export type Target = (typeof TARGETS)[number];

export type Backend = {
  id: Target;
  label: string;
  /** Shiki language id used to highlight the output. */
  language: string;
  /** File extension for downloads. */
  extension: string;
  convert: (rule: DetectionRule, mapping: ResolvedMapping) => string;
};
