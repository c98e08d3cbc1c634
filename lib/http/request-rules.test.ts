import { describe, expect, it } from "vitest";
import {
  bodyLimitFor,
  declaresTooLargeBody,
  hasMalformedEscape,
  needsDatabase,
  pageMethodAllowed,
} from "./request-rules";

describe("request rules", () => {
  it("finds percent-escapes that do not decode", () => {
    for (const path of ["/sigma/%", "/api/pro/%", "/techniques/%E0%A4%A", "/x/%zz"])
      expect(hasMalformedEscape(path), path).toBe(true);
    for (const path of ["/", "/techniques/T1059.001", "/sigma/..%2f..%2fetc%2fpasswd", "/caf%C3%A9"])
      expect(hasMalformedEscape(path), path).toBe(false);
  });

  it("lets pages answer GET and HEAD, and POST only as a server action", () => {
    const none = new Headers();
    expect(pageMethodAllowed("GET", "/", none)).toBe(true);
    expect(pageMethodAllowed("HEAD", "/pricing", none)).toBe(true);
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
      expect(pageMethodAllowed(method, "/pricing", none), method).toBe(false);
    expect(pageMethodAllowed("POST", "/pricing", new Headers({ "next-action": "abc" }))).toBe(true);
    expect(pageMethodAllowed("PUT", "/pricing", new Headers({ "next-action": "abc" }))).toBe(false);
    // A browser without JavaScript posts an action form as multipart, to pages that have actions.
    const multipart = new Headers({ "content-type": "multipart/form-data; boundary=x" });
    expect(pageMethodAllowed("POST", "/billing/demo/checkout", multipart)).toBe(true);
    expect(pageMethodAllowed("POST", "/pricing", multipart)).toBe(false);
  });

  it("caps declared bodies per route family", () => {
    expect(bodyLimitFor("/api/auth/sign-up/email")).toBe(64 * 1024);
    expect(bodyLimitFor("/api/billing/webhook")).toBe(512 * 1024);
    expect(bodyLimitFor("/billing/demo/checkout")).toBe(64 * 1024);
    expect(declaresTooLargeBody(new Headers({ "content-length": "65537" }), 64 * 1024)).toBe(true);
    expect(declaresTooLargeBody(new Headers({ "content-length": "65536" }), 64 * 1024)).toBe(false);
    expect(declaresTooLargeBody(new Headers(), 64 * 1024)).toBe(false);
  });

  it("names the routes that cannot answer without the database", () => {
    for (const path of ["/pricing", "/account", "/api/auth/get-session", "/billing/demo/portal"])
      expect(needsDatabase(path), path).toBe(true);
    for (const path of [
      "/",
      "/techniques/T1059.001",
      "/api/pro/T1059.001",
      "/api/health",
      "/api/billing/webhook",
    ])
      expect(needsDatabase(path), path).toBe(false);
  });
});
