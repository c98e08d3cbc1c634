// Zip archives from text files. A fixed timestamp keeps the bytes (and so the ETag) stable
// between requests for the same content.
import { strToU8, zipSync, type Zippable } from "fflate";

const FIXED_MTIME = new Date("2026-01-01T00:00:00Z");

export type ExportFiles = Record<string, string>;

export function zipFiles(files: ExportFiles): Uint8Array {
  const entries: Zippable = {};
  for (const [name, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b)))
    entries[name] = [strToU8(text), { mtime: FIXED_MTIME }];
  return zipSync(entries, { level: 6 });
}
