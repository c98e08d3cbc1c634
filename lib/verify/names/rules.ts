// The name checks as rules (lib/verify/rules/types.ts): every table, field and enumerated value
// of a query resolves in its platform's registry, or a finding names it with the nearest known
// names. Registries load once per content directory; the corpus rules read the repository's
// content/ (a rule sees only the query, not the content directory it came from).
import path from "node:path";
import type { QueryItem } from "@/lib/verify/extract";
import type { Finding, Rule } from "@/lib/verify/rules/types";
import { loadRegistries, type NamePlatform, type Registry } from "@/lib/verify/names/registry";
import { PLATFORM_OF, resolveNames } from "@/lib/verify/names/resolve";
import type { QueryLanguage } from "@/lib/content/schema";

const cache = new Map<string, Record<NamePlatform, Registry>>();

export function registriesFor(
  contentDir = path.join(process.cwd(), "content"),
): Record<NamePlatform, Registry> {
  const cached = cache.get(contentDir);
  if (cached) return cached;
  const loaded = loadRegistries(contentDir);
  cache.set(contentDir, loaded);
  return loaded;
}

export function nameFindings(rule: string, query: QueryItem, registry: Registry): Finding[] {
  return resolveNames(query, registry).unknown.map((u) => ({
    rule,
    file: query.file,
    line: u.line,
    column: u.column,
    message: u.message,
    suggestions: u.suggestions,
  }));
}

function namesRule(
  platform: NamePlatform,
  reason: string,
  docs: string,
  load: () => Record<NamePlatform, Registry>,
): Rule {
  const languages = (Object.keys(PLATFORM_OF) as QueryLanguage[]).filter((l) => PLATFORM_OF[l] === platform);
  const id = `names-${platform}`;
  return { id, languages, reason, docs, check: (query) => nameFindings(id, query, load()[platform]) };
}

/** Rules over the given registries (tests pass fixtures; the runner uses content/). */
export function nameRules(load: () => Record<NamePlatform, Registry> = () => registriesFor()) {
  return {
    elastic: namesRule(
      "elastic",
      "EQL and ES|QL reject a field the target indices do not map (a verification error), and an index pattern that matches no data stream returns nothing, so the rule never fires.",
      "https://www.elastic.co/docs/reference/ecs/ecs-field-reference",
      load,
    ),
    kusto: namesRule(
      "kusto",
      "ActionType is a plain string column: a value the table never writes compiles and never matches, so the branch is dead.",
      "https://learn.microsoft.com/en-us/defender-xdr/advanced-hunting-schema-tables",
      load,
    ),
    splunk: namesRule(
      "splunk",
      "Splunk treats an unknown field as null: a search term on a field the data model or sourcetype does not have matches nothing.",
      "https://help.splunk.com/data-management/common-information-model/6.2/data-models",
      load,
    ),
    secops: namesRule(
      "secops",
      "A YARA-L rule naming a UDM field that does not exist fails to compile, and an enumeration value the field cannot hold never matches.",
      "https://cloud.google.com/chronicle/docs/reference/udm-field-list",
      load,
    ),
    logscale: namesRule(
      "logscale",
      "LogScale filters on a missing field or event name match nothing without an error.",
      "https://library.humio.com/data-analysis/searching-data-event-fields.html",
      load,
    ),
  };
}

const rules = nameRules();
export const namesElastic: Rule = rules.elastic;
export const namesSplunk: Rule = rules.splunk;
export const namesSecops: Rule = rules.secops;
export const namesLogscale: Rule = rules.logscale;
export const namesKusto: Rule = rules.kusto;
