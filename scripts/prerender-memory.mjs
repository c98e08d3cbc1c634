// Prerendered pages answered from memory after their first request.
// For a prerendered page Next reads its cached HTML, then per request encodes the ~160 KB string
// to bytes, computes its length and streams it through its compression layer: most of the CPU a
// detection page costs. Those pages are fixed for the life of a build (Cache-Control
// s-maxage=31536000: no revalidation), so the bytes Next sent the first time are the bytes it would
// send every time. This keeps them per path and Accept-Encoding and replays them with fresh Date.
// Everything else (per-visitor pages, payload requests, route handlers, anything revalidating)
// goes to Next every time.
import { documentPathname } from "./prerendered-request.mjs";

// What the replay recomputes or must not repeat.
const NOT_REPLAYED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);
// Next's Cache-Control for a page prerendered without revalidation.
const IMMUTABLE = "s-maxage=31536000";
const MAX_VARIANTS_PER_PATH = 4;

/** @param {{ maxBytes?: number }} [options] */
export function prerenderMemory({ maxBytes = 192 * 1024 * 1024 } = {}) {
  /** @type {Map<string, { status: number, headers: [string, string | string[]][], body: Buffer }>} */
  const stored = new Map();
  const variants = new Map();
  let bytes = 0;

  const keyOf = (req) => {
    const pathname = documentPathname(req);
    return pathname === null
      ? null
      : { pathname, key: `${pathname}\n${(req.headers["accept-encoding"] ?? "").trim()}` };
  };

  return {
    /** Sends the stored answer and returns true, or returns false to let Next answer. */
    answer(req, res) {
      const found = keyOf(req);
      const entry = found && stored.get(found.key);
      if (!entry) return false;
      res.statusCode = entry.status;
      for (const [name, value] of entry.headers) res.setHeader(name, value);
      res.setHeader("content-length", entry.body.length);
      res.setHeader("x-atlas-memory", "hit");
      res.end(req.method === "HEAD" ? undefined : entry.body);
      return true;
    },
    /** Records the bytes Next sends for a prerendered, never-revalidated page. */
    record(req, res) {
      const found = keyOf(req);
      if (!found || req.method !== "GET" || stored.has(found.key)) return;
      if ((variants.get(found.pathname) ?? 0) >= MAX_VARIANTS_PER_PATH) return;
      const chunks = [];
      let size = 0;
      const write = res.write;
      const end = res.end;
      const take = (chunk, encoding) => {
        if (chunk === undefined || chunk === null || typeof chunk === "function") return;
        const buffer = Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8");
        chunks.push(buffer);
        size += buffer.length;
      };
      res.write = function (chunk, encoding, callback) {
        take(chunk, encoding);
        return write.call(this, chunk, encoding, callback);
      };
      res.end = function (chunk, encoding, callback) {
        take(chunk, encoding);
        const result = end.call(this, chunk, encoding, callback);
        const cacheable =
          this.statusCode === 200 &&
          this.getHeader("x-nextjs-prerender") !== undefined &&
          this.getHeader("x-nextjs-cache") === "HIT" &&
          this.getHeader("cache-control") === IMMUTABLE &&
          this.getHeader("set-cookie") === undefined;
        if (cacheable && bytes + size <= maxBytes && !stored.has(found.key)) {
          const headers = Object.entries(this.getHeaders()).filter(([name]) => !NOT_REPLAYED.has(name));
          stored.set(found.key, { status: 200, headers, body: Buffer.concat(chunks, size) });
          variants.set(found.pathname, (variants.get(found.pathname) ?? 0) + 1);
          bytes += size;
        }
        return result;
      };
    },
  };
}
