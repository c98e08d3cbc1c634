// The same schema and committed migrations on both databases the site supports:
// embedded PGlite (the default) and a PostgreSQL server (TEST_DATABASE_URL, set by npm test).
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdapter } from "@/lib/db/adapter";
import { PrismaClient } from "@/lib/db/generated/client";
import { findSubscription, grantPro, revokePro, UnknownUserError } from "@/lib/billing/subscriptions";
import { grantsPro } from "@/lib/billing/entitlement-rules";
import { DATABASE_KINDS, migrate, scratchTarget, serverUrl } from "@/tests/support/databases";

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind === "postgres" && !serverUrl)(`database on ${kind}`, () => {
    let db: PrismaClient;
    let cleanup: () => Promise<void> = async () => {};

    beforeAll(async () => {
      const scratch = await scratchTarget(kind, "unit");
      const target = scratch.target;
      cleanup = scratch.cleanup;
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
