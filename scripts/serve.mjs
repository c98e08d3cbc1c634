// The production server (`npm start`): Next's own request handler behind a plain Node HTTP server
// that tells the app the TCP peer's address. `next start` cannot: route handlers get no socket, and
// Next fills X-Forwarded-For from the socket only when the client sent none, so a client could name
// any address and escape the sign-in limits. Usage: node scripts/serve.mjs [-p port] [-H hostname]
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { prerenderEtags } from "./prerender-etags.mjs";
import { prerenderMemory } from "./prerender-memory.mjs";

// Same names as lib/auth/client-address.ts, which believes the header only when this mark is set.
const SOCKET_ADDRESS_HEADER = "x-atlas-socket-address";
const SERVER_MARK = Symbol.for("detection-atlas.socket-address-header");

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
// Like `next start`: every interface unless -H names one (HOSTNAME is often the machine's name).
const hostname = values.hostname;

process.env.NODE_ENV ??= "production";
const { default: next } = await import("next");
const app = next({ dev: false, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();
globalThis[SERVER_MARK] = true;
const distDir = process.env.NEXT_DIST_DIR || ".next";
const etags = prerenderEtags(fs.readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim());
const memory = prerenderMemory();

const server = http.createServer((req, res) => {
  // Overwrites whatever a client sent under this name; Node lower-cases header names.
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
  if (etags.answerNotModified(req, res) || memory.answer(req, res)) return;
  etags.tagPrerendered(req, res);
  memory.record(req, res);
  handle(req, res).catch((error) => {
    console.error("request failed", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () => {
  console.log(`> Detection Atlas on http://${hostname ?? "localhost"}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
