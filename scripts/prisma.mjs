#!/usr/bin/env node
// Runs the Prisma CLI without native engines. Prisma 6.19 still checks for its query-engine
// library on `generate` and would download it; pointing the variable at an existing file
// skips that, and the generated client uses the Wasm query compiler with a driver adapter.
//
// With the embedded PGlite database, `migrate` finishes its work but the open PGlite instance
// keeps the CLI process alive (its adapter's dispose() does not close it). We watch for the
// CLI's final message and end the process ourselves.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const placeholder = fileURLToPath(new URL("../package.json", import.meta.url));
const env = {
  ...process.env,
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? placeholder,
  PRISMA_SCHEMA_URL: process.env.PRISMA_SCHEMA_URL ?? "postgresql://adapter-only/unused",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const embedded = args[0] === "migrate" && !process.env.DATABASE_URL;
const DONE =
  /All migrations have been successfully applied|No pending migrations to apply|Database schema is up to date/;

const cli = fileURLToPath(new URL("../node_modules/prisma/build/index.js", import.meta.url));
const child = spawn(process.execPath, [cli, ...args], {
  env,
  stdio: ["inherit", embedded ? "pipe" : "inherit", "inherit"],
});
let finished = false;
if (embedded) {
  child.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    if (!finished && DONE.test(String(chunk))) {
      finished = true;
      setTimeout(() => child.kill("SIGTERM"), 500).unref();
    }
  });
  setTimeout(() => {
    console.error("prisma: no result after 5 minutes, giving up");
    child.kill("SIGTERM");
  }, 300_000).unref();
}
child.on("exit", (code) => process.exit(finished ? 0 : (code ?? 1)));
