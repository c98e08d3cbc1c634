// What counts as a Windows file name or path literal: values whose letter case Windows does not
// preserve reliably (Sysmon, Security 4688 and EDR sensors report `WMIC.exe`, `HOSTNAME.EXE` or
// `C:\WINDOWS\...` as the file system or the caller spelled them), so a case-sensitive comparison
// against them misses real events.
const IMAGE = /\.(exe|dll|sys|ps1|psm1|bat|cmd|vbs|vbe|js|jse|wsf|hta|msi|scr|cpl|com|lnk|ocx|drv)\*?$/i;
const PATH = /(^|[*?])[a-z]:\\|^\\\\|\\(windows|system32|syswow64|program files|programdata|users|temp)\\/i;

/** A literal value (quotes and escapes removed) naming a Windows image or path, with letters in it. */
export function isWindowsName(value: string): boolean {
  if (!/[a-z]/i.test(value) || value.includes("@") || value.length > 260 || /\s{2,}|\n/.test(value))
    return false;
  const bare = value.replace(/^[*?%]+|[*?%]+$/g, "");
  // `.com` is also a domain suffix: only a single-dot name such as command.com is an image.
  if (/\.com\*?$/i.test(bare) && bare.split(".").length > 2) return PATH.test(bare);
  // An image name is one token (a sentence that ends in "sc.exe" is not a file name).
  return (IMAGE.test(bare) && !/\s/.test(bare)) || PATH.test(bare);
}

export function caseMatches(value: string, fold: "lower" | "upper"): boolean {
  return fold === "lower" ? value === value.toLowerCase() : value === value.toUpperCase();
}

/**
 * Names assigned a lower- or upper-cased value earlier in the query (`EVAL name = TO_LOWER(...)`,
 * `extend Tool = tolower(...)`, `eval pname=lower(...)`): comparisons on them are already folded.
 */
export function foldedNames(text: string): Map<string, "lower" | "upper"> {
  const out = new Map<string, "lower" | "upper">();
  const assign =
    /\b([A-Za-z_][\w.]*)\s*(?<![=!<>])=(?!=)\s*(tolower|to_lower|lower|strings\.to_lower|toupper|to_upper|upper)\s*\(/gi;
  for (const m of text.matchAll(assign)) out.set(m[1]!, /upper/i.test(m[2]!) ? "upper" : "lower");
  return out;
}
