#!/usr/bin/env node
// Runs the Prisma CLI without native engines. Prisma 6.19 still checks for its query-engine
// library on `generate` and would download it; pointing the variable at an existing file
// skips that, and the generated client uses the Wasm query compiler with a driver adapter.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const placeholder = fileURLToPath(new URL("../package.json", import.meta.url));
const result = spawnSync("npx", ["prisma", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? placeholder,
    PRISMA_SCHEMA_URL: process.env.PRISMA_SCHEMA_URL ?? "postgresql://adapter-only/unused",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
