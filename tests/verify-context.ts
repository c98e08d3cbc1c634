// A rule context for unit tests: no platform or deployment unless the test gives one.
import { kustoGlobals, loadKustoTables } from "@/lib/verify/kusto/tables";
import { contentDir } from "@/lib/content/location";
import type { RuleContext } from "@/lib/verify/rules/types";

let globals: RuleContext["kustoGlobals"] | undefined;

export function ruleContext(over: Partial<RuleContext> = {}): RuleContext {
  globals ??= kustoGlobals(loadKustoTables(contentDir()));
  return { platform: undefined, deployment: undefined, kustoGlobals: globals, ...over };
}
