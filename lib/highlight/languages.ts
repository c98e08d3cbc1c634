// Query and code languages: how we label them and which Shiki grammar highlights them.
import type { QueryLanguage } from "@/lib/content/schema";

export const QUERY_LANGUAGE_LABELS: Record<QueryLanguage, string> = {
  eql: "EQL",
  esql: "ES|QL",
  spl: "SPL",
  // Kusto, the language of Sentinel and Defender XDR; not Kibana's KQL.
  kql: "KQL (Kusto)",
  "yara-l": "YARA-L 2.0",
  logscale: "LogScale CQL",
};

/** Shiki grammar id for each content language and each code-fence tag we accept. */
const SHIKI_LANG: Record<string, string> = {
  eql: "eql",
  esql: "esql",
  spl: "splunk",
  splunk: "splunk",
  kql: "kusto",
  kusto: "kusto",
  "yara-l": "yara-l",
  yaral: "yara-l",
  logscale: "logscale",
  yaml: "yaml",
  yml: "yaml",
  json: "json",
  powershell: "powershell",
  ps1: "powershell",
  bash: "shellscript",
  sh: "shellscript",
  shell: "shellscript",
  cmd: "bat",
  bat: "bat",
};

export function shikiLanguage(tag: string | undefined): string {
  return (tag && SHIKI_LANG[tag.toLowerCase()]) || "text";
}
