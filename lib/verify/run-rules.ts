// Runs every registered rule over every query of the corpus and counts, per platform and per
// rule, what was examined and found. content:verify prints this; the build-time summary behind
// each detection page's verification box is made from the same result.
import fs from "node:fs";
import path from "node:path";
import type { QueryItem } from "@/lib/verify/extract";
import { collectQueries } from "@/lib/verify/extract";
import { kustoGlobals, loadKustoTables } from "@/lib/verify/kusto/tables";
import { loadRegistries, type NamePlatform } from "@/lib/verify/names/registry";
import { nameCounts } from "@/lib/verify/names/counts";
import { PLATFORM_OF } from "@/lib/verify/names/resolve";
import { fileContext } from "@/lib/verify/rules/context";
import { RULES } from "@/lib/verify/rules/index";
import type { Finding, Rule, RuleContext } from "@/lib/verify/rules/types";

export type RuleSummary = {
  id: string;
  reason: string;
  docs: string;
  languages: string[];
  examined: number;
  findings: number;
};
export type NameSummary = {
  platform: NamePlatform;
  registered: boolean;
  queries: number;
  resolved: number;
  unknown: number;
  sources: string[];
};
export type QueryRun = {
  file: string;
  field: string;
  language: string;
  rules: string[];
  names: NamePlatform | null;
};
export type VerifyResult = {
  queries: number;
  byPlatform: Record<string, number>;
  names: NameSummary[];
  rules: RuleSummary[];
  findings: Finding[];
  /** Which rules examined each query, for the per-detection verification box. */
  runs: QueryRun[];
};

/**
 * The platform of a Pro KQL block, from the heading above it ("## Defender XDR: ...",
 * "## Microsoft Sentinel: ..."): the two products keep different amounts of history.
 */
function proKqlPlatform(contentDir: string, query: QueryItem): string | undefined {
  if (query.language !== "kql" || !query.file.includes("/pro/")) return undefined;
  const lines = fs
    .readFileSync(path.join(contentDir, query.file), "utf8")
    .split("\n")
    .slice(0, query.line - 1);
  const heading = lines.reverse().find((l) => l.startsWith("## ")) ?? "";
  if (/defender/i.test(heading) && !/sentinel/i.test(heading)) return "defender-xdr";
  if (/sentinel/i.test(heading) && !/defender/i.test(heading)) return "sentinel";
  return undefined;
}

/** The platform a query belongs to: its detection's, or for Pro blocks the one its language implies. */
export function platformOf(query: QueryItem, ctx: RuleContext): string {
  if (ctx.platform) return ctx.platform;
  const byLanguage: Record<string, string> = {
    eql: "elastic",
    esql: "elastic",
    spl: "splunk",
    "yara-l": "secops",
    logscale: "logscale",
  };
  return byLanguage[query.language] ?? "sentinel or defender-xdr (Pro KQL, heading names neither)";
}

const namePlatformOfRule = (rule: Rule): NamePlatform | null =>
  rule.id.startsWith("names-") ? (PLATFORM_OF[rule.languages[0]!] ?? null) : null;

// Kusto symbols and name registries are loaded once per content tree and process.
const globalsCache = new Map<string, RuleContext["kustoGlobals"]>();
const registriesCache = new Map<string, ReturnType<typeof loadRegistries>>();

export function kustoGlobalsFor(contentDir: string): RuleContext["kustoGlobals"] {
  let g = globalsCache.get(contentDir);
  if (!g) globalsCache.set(contentDir, (g = kustoGlobals(loadKustoTables(contentDir))));
  return g;
}

export function registriesFor(contentDir: string): ReturnType<typeof loadRegistries> {
  let r = registriesCache.get(contentDir);
  if (!r) registriesCache.set(contentDir, (r = loadRegistries(contentDir)));
  return r;
}

/** Detection files whose query could not be read (broken frontmatter): never silently skipped. */
function unreadable(contentDir: string, queries: QueryItem[], only: string[]): Finding[] {
  const root = path.join(contentDir, "techniques");
  const read = new Set(queries.filter((q) => q.field === "query").map((q) => q.file));
  const out: Finding[] = [];
  for (const technique of fs.existsSync(root) ? fs.readdirSync(root).sort() : []) {
    if (only.length > 0 && !only.includes(technique)) continue;
    const dir = path.join(root, technique, "detections");
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
      const file = path.posix.join("techniques", technique, "detections", name);
      if (name.endsWith(".mdx") && !read.has(file))
        out.push({
          rule: "extract",
          file,
          line: 1,
          column: 1,
          message: "the frontmatter does not parse, so none of this file's queries were checked",
        });
    }
  }
  return out;
}

export function runRules(contentDir: string, only: string[] = [], rules: Rule[] = RULES): VerifyResult {
  const queries = collectQueries(contentDir, only);
  const result = runRulesOn(contentDir, queries, rules);
  return { ...result, findings: [...unreadable(contentDir, queries, only), ...result.findings] };
}

/** The same run over a given list of queries (one detection's query and exclusions). */
export function runRulesOn(contentDir: string, queries: QueryItem[], rules: Rule[] = RULES): VerifyResult {
  const globals = kustoGlobalsFor(contentDir);
  const contexts = new Map<string, RuleContext>();
  const ctxOf = (file: string) => {
    let ctx = contexts.get(file);
    if (!ctx) contexts.set(file, (ctx = fileContext(contentDir, file, globals)));
    return ctx;
  };
  const summaries = new Map(
    rules.map((r) => [
      r.id,
      { id: r.id, reason: r.reason, docs: r.docs, languages: [...r.languages], examined: 0, findings: 0 },
    ]),
  );
  const findings: Finding[] = [];
  const byPlatform: Record<string, number> = {};
  const runs: QueryRun[] = [];
  const namePlatforms = new Set(rules.map(namePlatformOfRule).filter((p): p is NamePlatform => p !== null));
  for (const query of queries) {
    const fileCtx = ctxOf(query.file);
    const proPlatform = proKqlPlatform(contentDir, query);
    const ctx = proPlatform ? { ...fileCtx, platform: proPlatform } : fileCtx;
    const platform = platformOf(query, ctx);
    byPlatform[platform] = (byPlatform[platform] ?? 0) + 1;
    const ran: string[] = [];
    for (const rule of rules) {
      if (!rule.languages.includes(query.language) || (rule.applies && !rule.applies(query, ctx))) continue;
      const found = rule.check(query, ctx);
      const s = summaries.get(rule.id)!;
      s.examined++;
      s.findings += found.length;
      findings.push(...found);
      ran.push(rule.id);
    }
    const np = PLATFORM_OF[query.language];
    runs.push({
      file: query.file,
      field: query.field,
      language: query.language,
      rules: ran,
      names: namePlatforms.has(np) ? np : null,
    });
  }
  const registries = registriesFor(contentDir);
  const counts = nameCounts(queries, registries);
  const names = (Object.keys(counts) as NamePlatform[]).map((p) => ({
    platform: p,
    registered: namePlatforms.has(p),
    queries: counts[p].queries,
    resolved: namePlatforms.has(p) ? counts[p].resolved : 0,
    unknown: namePlatforms.has(p) ? counts[p].unknown : 0,
    sources: registries[p].sources.map((s) => `${s.source} ${s.version}`),
  }));
  return { queries: queries.length, byPlatform, names, rules: [...summaries.values()], findings, runs };
}
