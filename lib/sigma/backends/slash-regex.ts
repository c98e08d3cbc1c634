// Helpers for targets that write regexes as /literals/ (YARA-L 2.0, LogScale): Sigma string
// values as unanchored patterns with anchors only where the value has no leading or trailing `*`,
// and `/` escaped where it is not already.
import { partsToRegex } from "@/lib/sigma/backends/expr";
import type { StringPart } from "@/lib/sigma/engine/model";

/**
 * The value as a regex body that matches the whole field: `^…$` minus the anchor at a side
 * that starts or ends with `*` (both engines search for a match anywhere in the value).
 */
export function anchoredRegex(parts: StringPart[]): string {
  return anchored(parts).regex;
}

/** As anchoredRegex, and whether a wildcard is left inside (a `.` that should span newlines). */
export function anchored(parts: StringPart[]): { regex: string; innerWildcard: boolean } {
  const isStar = (p: StringPart | undefined) => typeof p === "object" && p.wildcard === "*";
  let start = 0;
  let end = parts.length;
  while (start < end && isStar(parts[start])) start++;
  while (end > start && isStar(parts[end - 1])) end--;
  const inner = parts.slice(start, end);
  const regex = `${start === 0 ? "^" : ""}${partsToRegex(inner)}${end === parts.length ? "$" : ""}`;
  return { regex, innerWildcard: inner.some((p) => typeof p !== "string") };
}

/** Escapes every `/` not already escaped, so the body fits between slashes. */
export function escapeSlashes(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      out += c + (pattern[i + 1] ?? "");
      i++;
    } else out += c === "/" ? "\\/" : c;
  }
  return out;
}
