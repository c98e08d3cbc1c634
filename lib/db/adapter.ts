// Chooses the database by configuration: a PostgreSQL server when DATABASE_URL is set,
// otherwise embedded PGlite (PostgreSQL compiled to Wasm) in a git-ignored data folder.
// Both speak the same SQL, so one Prisma schema and one set of migrations serve both.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dir: path.resolve(/*turbopackIgnore: true*/ env.PGLITE_DIR ?? ".data/pglite") };
}

// The adapter packages each pin their own copy of @prisma/driver-adapter-utils' *types*; the
// runtime protocol is the same (migrate deploy and queries run on both), so we hand Prisma the
// factory typed as whatever the caller expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AdapterFactory = any;

export function createAdapter(target: DatabaseTarget = databaseTarget()): AdapterFactory {
  if (target.kind === "postgres") return new PrismaPg({ connectionString: target.url });
  fs.mkdirSync(target.dir, { recursive: true }); // PGlite wants its data directory to exist
  return new PrismaPGlite(new PGlite(target.dir));
}

/** For the Prisma CLI (migrate deploy / status). */
export async function createMigrationAdapter(): Promise<AdapterFactory> {
  return createAdapter();
}
