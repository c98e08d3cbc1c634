// The rule context of each file: platform and deployment read from a detection's frontmatter
// (tolerantly: a malformed deployment is the loader's error to report, not a reason to skip
// the query rules), nothing for Pro code blocks.
import fs from "node:fs";
import path from "node:path";
import { isMap, parseDocument } from "yaml";
import { deploymentSchema } from "@/lib/content/deployment";
import type { KustoGlobals } from "@/lib/verify/kusto/bridge";
import type { RuleContext } from "@/lib/verify/rules/types";

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

export function fileContext(contentDir: string, file: string, kustoGlobals: KustoGlobals): RuleContext {
  if (!file.includes("/detections/")) return { platform: undefined, deployment: undefined, kustoGlobals };
  const source = fs.readFileSync(path.join(contentDir, file), "utf8");
  const yaml = FRONTMATTER.exec(source)?.[1] ?? "";
  const doc = parseDocument(yaml);
  if (!isMap(doc.contents)) return { platform: undefined, deployment: undefined, kustoGlobals };
  const platform = doc.get("platform");
  const parsed = deploymentSchema.safeParse(doc.toJS()?.deployment);
  const line = yaml.split("\n").findIndex((l) => /^deployment\s*:/.test(l));
  return {
    platform: typeof platform === "string" ? platform : undefined,
    deployment: parsed.success ? parsed.data : undefined,
    deploymentLine: line === -1 ? undefined : line + 2,
    kustoGlobals,
  };
}
