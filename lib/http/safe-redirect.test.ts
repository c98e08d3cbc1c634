import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

// Values as the page receives them (searchParams are already percent-decoded once by Next).
const HOSTILE = [
  ["backslash after the slash (issue 12: next=/%5Cevil.example/x)", "/\\evil.example/x"],
  ["tab after the slash (issue 12: next=/%09/evil.example/x)", "/\t/evil.example/x"],
  ["protocol-relative", "//evil.example"],
  ["protocol-relative with path", "//evil.example/account"],
  ["slash backslash", "/\\evil.example"],
  ["backslashes only", "\\\\evil.example"],
  ["absolute https", "https://evil.example"],
  ["absolute http", "http://evil.example/account"],
  ["scheme-relative with credentials", "//user@evil.example"],
  ["javascript scheme", "javascript:alert(1)"],
  ["javascript scheme upper case", "JaVaScRiPt:alert(1)"],
  ["data scheme", "data:text/html,<script>alert(1)</script>"],
  ["encoded slashes", "/%2F%2Fevil.example"],
  ["encoded slash", "/%2Fevil.example"],
  ["encoded backslash", "/%5Cevil.example"],
  ["double-encoded backslash", "/%5cevil.example"],
  ["encoded tab", "/%09/evil.example"],
  ["encoded CR LF", "/account%0d%0aSet-Cookie:x=1"],
  ["raw newline", "/\n/evil.example"],
  ["raw CR", "/\r/evil.example"],
  ["NUL byte", "/account\u0000"],
  ["DEL byte", "/\u007f/evil.example"],
  ["C1 control", "/\u0085/evil.example"],
  ["leading space", " /account"],
  ["relative without slash", "evil.example"],
  ["dot relative", "./account"],
  ["malformed escape", "/%E0%A4%A"],
  ["empty", ""],
  ["only a scheme", "https:"],
  ["very long", `/${"a".repeat(5000)}`],
] as const;

const GOOD = [
  ["root", "/", "/"],
  ["account", "/account", "/account"],
  ["technique page", "/techniques/T1021.007/splunk", "/techniques/T1021.007/splunk"],
  [
    "query and fragment",
    "/search?q=powershell&platform=kql#results",
    "/search?q=powershell&platform=kql#results",
  ],
  ["encoded query kept", "/search?q=a%26b", "/search?q=a%26b"],
  ["dot segments resolved", "/a/../account", "/account"],
  ["colon later in the path", "/techniques/javascript:x", "/techniques/javascript:x"],
] as const;

describe("safeRedirectPath", () => {
  it.each(HOSTILE)("refuses %s", (_name, input) => {
    expect(safeRedirectPath(input, "/account")).toBe("/account");
  });

  it.each(GOOD)("accepts %s", (_name, input, expected) => {
    expect(safeRedirectPath(input, "/account")).toBe(expected);
  });

  it("falls back on missing values", () => {
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(null, "/pricing")).toBe("/pricing");
  });

  it("never returns anything a browser would read as another origin", () => {
    for (const [, input] of HOSTILE) {
      const out = safeRedirectPath(input, "/account");
      expect(new URL(out, "https://atlas.example").origin).toBe("https://atlas.example");
    }
  });
});
