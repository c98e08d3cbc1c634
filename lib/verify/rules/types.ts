// The contract every semantic rule follows, so `content:verify`, the tests and the detection
// page's verification box all run and describe the same rules. The names helper's field and
// table rules (lib/verify/names/) implement this interface too.
import type { QueryItem } from "@/lib/verify/extract";
import type { KustoGlobals } from "@/lib/verify/kusto/bridge";
import type { Deployment } from "@/lib/content/deployment";
import type { QueryLanguage } from "@/lib/content/schema";

export type Finding = {
  rule: string;
  /** Relative to the content directory. */
  file: string;
  /** 1-based file line and column. */
  line: number;
  column: number;
  message: string;
  /** Replacement text or nearest known names, when the rule can offer any. */
  suggestions?: string[];
};

export type RuleContext = {
  /** Platform id from the detection's frontmatter; undefined for Pro code blocks. */
  platform: string | undefined;
  /** The detection's declared deployment; undefined for Pro code blocks (hunting only). */
  deployment: Deployment | undefined;
  /** File line of the `deployment:` key, for findings about the deployment itself. */
  deploymentLine?: number;
  kustoGlobals: KustoGlobals;
};

export type Rule = {
  id: string;
  languages: readonly QueryLanguage[];
  /** One sentence: why the pattern is wrong on the vendor's platform. */
  reason: string;
  /** Vendor documentation that states the behaviour. */
  docs: string;
  /** Whether the rule applies to this query at all (it counts as examined when it does). */
  applies?: (query: QueryItem, ctx: RuleContext) => boolean;
  check: (query: QueryItem, ctx: RuleContext) => Finding[];
};
