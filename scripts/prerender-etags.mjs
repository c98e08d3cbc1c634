// ETags for prerendered pages, made from the build and the path instead of the body.
// Next hashes the whole body of every answer to make its ETag (FNV in JavaScript over ~200 KB for a
// detection page: 40% of the CPU that page cost to serve). A prerendered page changes only with a
// build, so the build id and the path name its content as well as the hash did. next.config.ts
// turns Next's own ETags off; scripts/serve.mjs uses this instead.
import { createHash } from "node:crypto";
import { documentPathname as documentPath } from "./prerendered-request.mjs";

// What a 304 repeats from the 200 it stands for (RFC 9110, 15.4.5).
const REPEATED = ["cache-control", "vary", "content-location", "expires"];
// Paths are remembered only from prerendered answers, so this bounds memory, not correctness.
const MAX_PATHS = 20_000;

/** @param {string} buildId the build's BUILD_ID */
export function prerenderEtags(buildId) {
  /** @type {Map<string, { etag: string, headers: Record<string, unknown> }>} */
  const known = new Map();
  const tagFor = (pathname) =>
    `W/"${buildId}-${createHash("sha1").update(pathname).digest("base64url").slice(0, 16)}"`;

  return {
    /** Answers 304 when the client holds this build's copy of a page this process served prerendered. */
    answerNotModified(req, res) {
      const pathname = documentPath(req);
      const entry = pathname === null ? undefined : known.get(pathname);
      const sent = req.headers["if-none-match"];
      if (!entry || typeof sent !== "string") return false;
      const matches = sent.split(",").some((tag) => tag.trim().replace(/^W\//, "") === entry.etag.slice(2));
      if (!matches) return false;
      res.writeHead(304, { etag: entry.etag, ...entry.headers });
      res.end();
      return true;
    },
    /** Adds the ETag to a prerendered page's 200 as its headers go out, and remembers the path. */
    tagPrerendered(req, res) {
      const pathname = documentPath(req);
      if (pathname === null) return;
      const writeHead = res.writeHead;
      res.writeHead = function (statusCode, ...rest) {
        const inline = rest.find((arg) => arg && typeof arg === "object") ?? {};
        const prerendered = this.getHeader("x-nextjs-prerender") ?? inline["x-nextjs-prerender"];
        if (statusCode === 200 && prerendered !== undefined) {
          const etag = tagFor(pathname);
          this.setHeader("etag", etag);
          if (known.has(pathname) || known.size < MAX_PATHS) {
            const headers = {};
            for (const name of REPEATED) {
              const value = this.getHeader(name) ?? inline[name];
              if (value !== undefined) headers[name] = value;
            }
            known.set(pathname, { etag, headers });
          }
        }
        return writeHead.call(this, statusCode, ...rest);
      };
    },
  };
}
