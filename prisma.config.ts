// Prisma CLI configuration. Migrations run through a driver adapter and the Wasm schema engine,
// so no native engine is ever downloaded: PGlite when DATABASE_URL is unset, PostgreSQL otherwise.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./lib/db/adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return createMigrationAdapter();
  },
});
