// YARA-L regexes read only a value's first line without (?s) (cloud.google.com/chronicle/docs/
// detection/yara-l-2-0-functions/re-regex), so every Sigma regex gets s and keeps its own `.`.
import { describe, expect, it } from "vitest";
import { yaralRegex } from "@/lib/sigma/backends/yara-l-regex";

describe("yaralRegex", () => {
  it("adds s after the rule's own flags; with s asked for, . stays", () => {
    expect(yaralRegex("a.b", { s: true })).toBe("(?s)a.b");
    expect(yaralRegex("a.b", { i: true, m: true, s: true })).toBe("(?ims)a.b");
    expect(yaralRegex("^x$", { m: true })).toBe("(?ms)^x$");
  });
  it("without s, . outside classes, escapes and \\Q...\\E becomes [^\\n]", () => {
    expect(yaralRegex(String.raw`a.b\.c[.]d[^].]e\Q.\E.`, {})).toBe(
      String.raw`(?s)a[^\n]b\.c[.]d[^].]e\Q.\E[^\n]`,
    );
  });
  it("escapes / for the literal", () => {
    expect(yaralRegex("a/b", { i: true })).toBe(String.raw`(?is)a\/b`);
  });
});
