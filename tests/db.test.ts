// The same schema and committed migrations on both databases the site supports:
// embedded PGlite (the default) and a PostgreSQL server (TEST_DATABASE_URL, set by npm test).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdapter, type DatabaseTarget } from "@/lib/db/adapter";
import { PrismaClient } from "@/lib/db/generated/client";
import { findSubscription, grantPro, revokePro, UnknownUserError } from "@/lib/billing/subscriptions";
import { grantsPro } from "@/lib/billing/entitlement-rules";

const serverUrl = process.env.TEST_DATABASE_URL;

function migrate(target: DatabaseTarget) {
  const env = { ...process.env, DATABASE_URL: "", PGLITE_DIR: "" };
  if (target.kind === "postgres") env.DATABASE_URL = target.url;
  else env.PGLITE_DIR = target.dir;
  return execFileSync("node", ["scripts/prisma.mjs", "migrate", "deploy"], { env, encoding: "utf8" });
}

async function scratchPostgres(): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  const name = `atlas_unit_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgres", url: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

for (const kind of ["pglite", "postgres"] as const) {
  describe.skipIf(kind === "postgres" && !serverUrl)(`database on ${kind}`, () => {
    let db: PrismaClient;
    let cleanup: () => Promise<void> = async () => {};

    beforeAll(async () => {
      let target: DatabaseTarget;
      if (kind === "pglite") {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-pglite-"));
        target = { kind, dir };
        cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
      } else {
        const scratch = await scratchPostgres();
        target = scratch.target;
        cleanup = scratch.drop;
      }
      expect(migrate(target)).toContain("successfully applied");
      expect(migrate(target)).toContain("No pending migrations");
      db = new PrismaClient({ adapter: createAdapter(target) });
    });

    afterAll(async () => {
      await db?.$disconnect();
      await cleanup();
    });

    it("signs up and signs in through better-auth's Prisma adapter", async () => {
      const auth = betterAuth({
        secret: "unit-test-secret-unit-test-secret-0123456789",
        baseURL: "http://localhost:3000",
        database: prismaAdapter(db, { provider: "postgresql" }),
        emailAndPassword: { enabled: true },
      });
      const email = `auth-${kind}@example.test`;
      await auth.api.signUpEmail({ body: { name: "Unit", email, password: "a long enough password" } });
      const ok = await auth.api.signInEmail({ body: { email, password: "a long enough password" } });
      expect(ok.user.email).toBe(email);
      await expect(
        auth.api.signInEmail({ body: { email, password: "the wrong password!" } }),
      ).rejects.toThrow();
    });

    it("grants, reads and revokes Pro by email", async () => {
      const user = await db.user.create({
        data: { id: `u-${kind}`, name: "Pro", email: `pro-${kind}@example.test` },
      });
      expect(grantsPro(await findSubscription(db, user.id), new Date())).toBe(false);
      await grantPro(db, user.email);
      expect(grantsPro(await findSubscription(db, user.id), new Date())).toBe(true);
      await grantPro(db, user.email, new Date(Date.now() - 1000)); // upsert, ended
      expect(grantsPro(await findSubscription(db, user.id), new Date())).toBe(false);
      await grantPro(db, user.email);
      await revokePro(db, user.email);
      expect(grantsPro(await findSubscription(db, user.id), new Date())).toBe(false);
      await expect(grantPro(db, "nobody@example.test")).rejects.toBeInstanceOf(UnknownUserError);
    });

    it("enforces unique emails and removes a deleted user's data", async () => {
      const user = await db.user.create({
        data: { id: `d-${kind}`, name: "Gone", email: `gone-${kind}@example.test` },
      });
      await expect(
        db.user.create({ data: { id: `d2-${kind}`, name: "Dup", email: user.email } }),
      ).rejects.toThrow();
      await db.session.create({
        data: {
          id: `s-${kind}`,
          token: `t-${kind}`,
          userId: user.id,
          expiresAt: new Date(Date.now() + 60_000),
        },
      });
      await grantPro(db, user.email);
      await db.user.delete({ where: { id: user.id } });
      expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
      expect(await db.subscription.count({ where: { userId: user.id } })).toBe(0);
    });
  });
}
