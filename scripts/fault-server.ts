// The fault suite's server (playwright.faults.config.ts): the production server (scripts/serve.mjs) of the
// current build whose DATABASE_URL goes through a relay the tests can cut and restore.
//
//   FAULTS_PORT (3400)        the site
//   FAULTS_CONTROL_PORT (3401) POST /cut, POST /restore, GET /state for the relay
//   DATABASE_URL              the real test PostgreSQL (migrated here, directly)
//   NEXT_DIST_DIR             the build to serve (.next unless set)
import { spawn, spawnSync } from "node:child_process";
import http from "node:http";
import { startDbRelay } from "./fault-db-proxy";

const port = Number(process.env.FAULTS_PORT ?? 3400);
const controlPort = Number(process.env.FAULTS_CONTROL_PORT ?? 3401);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("fault-server: set DATABASE_URL to the test PostgreSQL");

const target = new URL(databaseUrl);
const relay = await startDbRelay({ host: target.hostname, port: Number(target.port || 5432) });
const relayed = new URL(databaseUrl);
relayed.hostname = "127.0.0.1";
relayed.port = String(relay.port);

const migrate = spawnSync("npm", ["run", "db:migrate"], { stdio: "inherit", env: process.env });
if (migrate.status !== 0) throw new Error("fault-server: migrations failed");

const control = http.createServer((req, res) => {
  if (req.method === "POST" && req.url === "/cut") relay.cut();
  else if (req.method === "POST" && req.url === "/restore") relay.restore();
  else if (!(req.method === "GET" && req.url === "/state")) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ cut: relay.isCut() }));
});
control.listen(controlPort, "127.0.0.1");

// The same server `npm start` runs, through Node directly (not npm), so SIGTERM reaches it.
const site = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port), "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: relayed.toString(), NODE_ENV: "production" },
});

async function shutdown(code: number) {
  site.kill("SIGTERM");
  control.close();
  await relay.close();
  process.exit(code);
}
site.on("exit", (code) => void shutdown(code ?? 1));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));
