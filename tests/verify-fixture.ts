// Writes one small detection or Pro file into a temporary content tree and extracts its queries
// the way content:verify does, so rule tests assert real file lines and columns.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { detectionQueries, markdownQueries } from "@/lib/verify/extract";
import type { QueryItem } from "@/lib/verify/extract";

export function fixtureQueries(source: string, file = "techniques/T1082/detections/splunk.mdx"): QueryItem[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-fixture-"));
  fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), source);
  try {
    return file.includes("/pro/") ? markdownQueries(dir, file) : detectionQueries(dir, file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A minimal detection file: only what the extractor reads (language, query, tuning). */
export function detection(language: string, query: string, exclusions: string[] = [], extra = ""): string {
  const indent = (s: string) =>
    s
      .replace(/\n$/, "")
      .split("\n")
      .map((l) => `      ${l}`)
      .join("\n");
  const tuning = exclusions.map((e) => `  - advice: x\n    exclusion: |\n${indent(e)}`).join("\n");
  const body = query
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
  return `---\nlanguage: ${language}\n${extra}${tuning ? `tuning:\n${tuning}\n` : ""}query: |\n${body}\n---\n\nText.\n`;
}

/** `file:line:column` of the `nth` (0-based) occurrence of `needle` in a fixture's source text. */
export function locate(
  source: string,
  needle: string,
  nth = 0,
  file = "techniques/T1082/detections/splunk.mdx",
): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = source.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`);
  }
  const before = source.slice(0, at).split("\n");
  return `${file}:${before.length}:${before.at(-1)!.length + 1}`;
}
