// Migrated scratch databases for tests: embedded PGlite always, PostgreSQL when TEST_DATABASE_URL
// is set (npm test sets it). Each call gets a fresh database, dropped by `cleanup`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createAdapter, type DatabaseTarget } from "@/lib/db/adapter";
import { PrismaClient } from "@/lib/db/generated/client";

export const serverUrl = process.env.TEST_DATABASE_URL;
export const DATABASE_KINDS = ["pglite", "postgres"] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

/** Runs the committed migrations with the project's Prisma wrapper; returns its output. */
export function migrate(target: DatabaseTarget): string {
  const env = { ...process.env, DATABASE_URL: "", PGLITE_DIR: "" };
  if (target.kind === "postgres") env.DATABASE_URL = target.url;
  else env.PGLITE_DIR = target.dir;
  return execFileSync("node", ["scripts/prisma.mjs", "migrate", "deploy"], { env, encoding: "utf8" });
}

async function onServer(sql: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function scratchTarget(
  kind: DatabaseKind,
  tag: string,
): Promise<{ target: DatabaseTarget; cleanup: () => Promise<void> }> {
  if (kind === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `atlas-${tag}-`));
    return { target: { kind, dir }, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `atlas_${tag}_${process.pid}_${Date.now()}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return {
    target: { kind, url: url.toString() },
    cleanup: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A migrated database and a client on it. */
export async function scratchDatabase(kind: DatabaseKind, tag: string) {
  const { target, cleanup } = await scratchTarget(kind, tag);
  migrate(target);
  const db = new PrismaClient({ adapter: createAdapter(target) });
  return {
    db,
    cleanup: async () => {
      await db.$disconnect();
      await cleanup();
    },
  };
}
