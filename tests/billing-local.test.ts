// The local demo billing goes through the same event code as Stripe, on a real (PGlite) database.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/generated/client";
import { addInterval, setLocalCancelAtPeriodEnd, startLocalSubscription } from "@/lib/billing/local-billing";
import { findSubscription } from "@/lib/billing/subscriptions";
import { accessEndsAt, grantsPro } from "@/lib/billing/entitlement-rules";
import { scratchDatabase } from "@/tests/support/databases";

let db: PrismaClient;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await scratchDatabase("pglite", "local-billing"));
  await db.user.create({ data: { id: "demo", name: "Demo", email: "demo@example.test" } });
});
afterAll(async () => cleanup?.());

it("subscribes, cancels at period end, keeps access until then, and can subscribe again", async () => {
  const start = new Date(Date.UTC(2026, 10, 28, 12));
  expect(await startLocalSubscription(db, "demo", "monthly", start)).toBe("applied");
  let sub = await findSubscription(db, "demo");
  expect(sub).toMatchObject({ status: "active", source: "local", cancelAtPeriodEnd: false });
  expect(sub?.currentPeriodEnd?.toISOString()).toBe("2026-12-28T12:00:00.000Z");

  // Two actions in the same second still apply in order.
  expect(await setLocalCancelAtPeriodEnd(db, "demo", true, start)).toBe("applied");
  sub = await findSubscription(db, "demo");
  expect(sub?.cancelAtPeriodEnd).toBe(true);
  expect(accessEndsAt(sub, start)?.toISOString()).toBe("2026-12-28T12:00:00.000Z");
  expect(grantsPro(sub, new Date("2026-12-28T11:59:00Z"))).toBe(true);
  expect(grantsPro(sub, new Date("2026-12-28T12:00:01Z"))).toBe(false);

  expect(await setLocalCancelAtPeriodEnd(db, "demo", false, start)).toBe("applied");
  expect((await findSubscription(db, "demo"))?.cancelAtPeriodEnd).toBe(false);

  const later = new Date(Date.UTC(2027, 1, 1));
  expect(await startLocalSubscription(db, "demo", "yearly", later)).toBe("applied");
  expect((await findSubscription(db, "demo"))?.currentPeriodEnd?.toISOString()).toBe(
    "2028-02-01T00:00:00.000Z",
  );
  expect(await db.billingEvent.count({ where: { source: "local" } })).toBe(4);
});

it("cannot cancel what was not started in demo billing", async () => {
  await db.user.create({ data: { id: "other", name: "Other", email: "other@example.test" } });
  expect(await setLocalCancelAtPeriodEnd(db, "other", true)).toBe("unmatched");
});

it("adds calendar months and years", () => {
  expect(addInterval(new Date("2026-01-31T00:00:00Z"), "yearly").toISOString()).toBe(
    "2027-01-31T00:00:00.000Z",
  );
  expect(addInterval(new Date("2026-03-15T00:00:00Z"), "monthly").toISOString()).toBe(
    "2026-04-15T00:00:00.000Z",
  );
});
