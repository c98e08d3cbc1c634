// The Stripe webhook end to end below HTTP: payloads signed with the Stripe SDK's own test-header
// helper, verified by the real SDK, applied to a real database (PGlite, and PostgreSQL under npm test).
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/generated/client";
import { handleStripeWebhook } from "@/lib/billing/webhook";
import { findSubscription } from "@/lib/billing/subscriptions";
import { grantsPro, PAST_DUE_GRACE_DAYS } from "@/lib/billing/entitlement-rules";
import { DATABASE_KINDS, scratchDatabase, serverUrl } from "@/tests/support/databases";

const SECRET = "whsec_test_detection_atlas";
const stripe = new Stripe("sk_test_not_used_for_network", { maxNetworkRetries: 0 });
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 1) / 1000; // event clock, Unix seconds

let counter = 0;
function event(
  type: string,
  object: Record<string, unknown>,
  created: number,
  id = `evt_${++counter}_${type}`,
) {
  return {
    id,
    object: "event",
    type,
    created,
    api_version: "2026-10-28.endive",
    livemode: false,
    data: { object },
  };
}

function subscription(userId: string, over: Record<string, unknown> = {}) {
  return {
    id: `sub_${userId}`,
    object: "subscription",
    customer: `cus_${userId}`,
    status: "active",
    cancel_at_period_end: false,
    ended_at: null,
    metadata: { userId },
    items: { object: "list", data: [{ id: "si_1", current_period_end: T0 + 30 * 86400 }] },
    ...over,
  };
}

function sign(payload: string, secret = SECRET) {
  return stripe.webhooks.generateTestHeaderString({ payload, secret });
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind === "postgres" && !serverUrl)(`Stripe webhook on ${kind}`, () => {
    let db: PrismaClient;
    let cleanup: () => Promise<void>;
    let userId: string;

    beforeAll(async () => {
      ({ db, cleanup } = await scratchDatabase(kind, "webhook"));
    });
    afterAll(async () => cleanup?.());
    beforeEach(async () => {
      userId = `u${++counter}`;
      await db.user.create({ data: { id: userId, name: "Payer", email: `${userId}@example.test` } });
    });

    async function deliver(e: object, signature?: string | null) {
      const body = JSON.stringify(e);
      return handleStripeWebhook(db, stripe, SECRET, body, signature === undefined ? sign(body) : signature);
    }
    const state = () => findSubscription(db, userId);
    const at = (seconds: number) => new Date(seconds * 1000);

    it("applies a verified subscription event and grants Pro", async () => {
      const answer = await deliver(event("customer.subscription.created", subscription(userId), T0));
      expect(answer).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
      const sub = await state();
      expect(sub).toMatchObject({ status: "active", source: "stripe", cancelAtPeriodEnd: false });
      expect(sub?.currentPeriodEnd?.toISOString()).toBe(at(T0 + 30 * 86400).toISOString());
      expect(grantsPro(sub, at(T0 + 86400))).toBe(true);
    });

    it("answers 400 to a missing, wrong or stale signature and to a tampered body, changing nothing", async () => {
      const e = event("customer.subscription.created", subscription(userId), T0);
      const body = JSON.stringify(e);
      expect((await deliver(e, null)).status).toBe(400);
      expect((await deliver(e, sign(body, "whsec_someone_else"))).status).toBe(400);
      expect((await deliver(e, "t=1,v1=deadbeef")).status).toBe(400);
      const old = stripe.webhooks.generateTestHeaderString({
        payload: body,
        secret: SECRET,
        timestamp: Math.floor(Date.now() / 1000) - 3600,
      });
      expect((await deliver(e, old)).status).toBe(400); // outside the 5-minute tolerance: a replay
      const tampered = body.replace('"active"', '"trialing"');
      expect((await handleStripeWebhook(db, stripe, SECRET, tampered, sign(body))).status).toBe(400);
      expect(await state()).toBeNull();
      expect(await db.billingEvent.count({ where: { id: e.id } })).toBe(0);
    });

    it("has one effect for the same event delivered 10 times", async () => {
      const created = event("customer.subscription.created", subscription(userId), T0);
      await deliver(created);
      const failed = event(
        "invoice.payment_failed",
        {
          object: "invoice",
          customer: `cus_${userId}`,
          parent: { subscription_details: { subscription: `sub_${userId}` } },
        },
        T0 + 100,
      );
      const outcomes = [];
      for (let i = 0; i < 10; i++) outcomes.push((await deliver(failed)).body.outcome);
      expect(outcomes).toEqual(["applied", ...Array(9).fill("duplicate")]);
      expect(await db.billingEvent.count({ where: { id: failed.id } })).toBe(1);
      const sub = await state();
      expect(sub?.status).toBe("past_due");
      expect(sub?.pastDueSince?.toISOString()).toBe(at(T0 + 100).toISOString());
    });

    it("treats concurrent duplicate deliveries as one", async () => {
      const e = event("customer.subscription.created", subscription(userId), T0);
      const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(e)));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect(answers.filter((a) => a.body.outcome === "applied")).toHaveLength(1);
      expect(answers.filter((a) => a.body.outcome === "duplicate")).toHaveLength(9);
      expect(await db.billingEvent.count({ where: { id: e.id } })).toBe(1);
    });

    it("has one effect for an update delivered 10 times concurrently to an existing subscription", async () => {
      await deliver(event("customer.subscription.created", subscription(userId), T0));
      const e = event(
        "customer.subscription.updated",
        subscription(userId, { cancel_at_period_end: true }),
        T0 + 5,
      );
      const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(e)));
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      expect(answers.filter((a) => a.body.outcome === "applied")).toHaveLength(1);
      expect(await db.billingEvent.count({ where: { id: e.id } })).toBe(1);
      expect(await state()).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
    });

    // Issue 12: a newer `deleted` and an older `updated` (active) delivered together must end
    // canceled, whichever transaction reaches the row first. Fresh subscriptions every round.
    const ROUNDS = 15;
    async function raceRounds(withExistingRow: boolean) {
      const olderWon: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const id = `race${++counter}`;
        await db.user.create({ data: { id, name: "Racer", email: `${id}@example.test` } });
        if (withExistingRow) await deliver(event("customer.subscription.created", subscription(id), T0));
        const older = event("customer.subscription.updated", subscription(id, { status: "active" }), T0 + 10);
        const newer = event(
          "customer.subscription.deleted",
          subscription(id, { status: "canceled", ended_at: T0 + 20 }),
          T0 + 20,
        );
        const answers = await Promise.all([deliver(newer), deliver(older)]);
        expect(answers.map((a) => a.status)).toEqual([200, 200]);
        if ((await findSubscription(db, id))?.status !== "canceled") olderWon.push(round);
      }
      return olderWon;
    }

    it("ends in the newest state when a newer `deleted` and an older `updated` race", async () => {
      const olderWon = await raceRounds(true);
      expect(olderWon, `older event applied in ${olderWon.length} of ${ROUNDS} rounds`).toEqual([]);
    });

    it("ends in the newest state when the racing pair both create the subscription", async () => {
      const olderWon = await raceRounds(false);
      expect(olderWon, `older event applied in ${olderWon.length} of ${ROUNDS} rounds`).toEqual([]);
    });

    it("ends in the newest state when `updated` arrives before `created`", async () => {
      const created = event(
        "customer.subscription.created",
        subscription(userId, { status: "incomplete" }),
        T0,
      );
      const updated = event(
        "customer.subscription.updated",
        subscription(userId, { status: "active", cancel_at_period_end: true }),
        T0 + 5,
      );
      expect((await deliver(updated)).body.outcome).toBe("applied");
      expect((await deliver(created)).body.outcome).toBe("stale");
      expect(await state()).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
      // Same second: a `created` is never newer than anything else about the subscription.
      const sameSecond = event(
        "customer.subscription.created",
        subscription(userId, { status: "incomplete" }),
        T0 + 5,
      );
      expect((await deliver(sameSecond)).body.outcome).toBe("stale");
      expect((await state())?.status).toBe("active");
    });

    it("keeps access after cancel-at-period-end until the period ends, then removes it", async () => {
      const end = T0 + 30 * 86400;
      await deliver(event("customer.subscription.created", subscription(userId), T0));
      await deliver(
        event(
          "customer.subscription.updated",
          subscription(userId, { cancel_at_period_end: true }),
          T0 + 86400,
        ),
      );
      let sub = await state();
      expect(sub?.cancelAtPeriodEnd).toBe(true);
      expect(grantsPro(sub, at(end - 60))).toBe(true);
      expect(grantsPro(sub, at(end + 1))).toBe(false);
      // Stripe deletes the subscription when the period ends.
      await deliver(
        event(
          "customer.subscription.deleted",
          subscription(userId, { status: "canceled", ended_at: end }),
          end,
        ),
      );
      sub = await state();
      expect(sub?.status).toBe("canceled");
      expect(grantsPro(sub, at(end - 60))).toBe(true);
      expect(grantsPro(sub, at(end + 1))).toBe(false);
    });

    it("links checkout to the account, then follows invoices through a failed renewal and recovery", async () => {
      const session = {
        object: "checkout.session",
        mode: "subscription",
        client_reference_id: userId,
        customer: `cus_${userId}`,
        subscription: `sub_${userId}`,
        metadata: {},
      };
      // Stripe usually sends the subscription event first; a metadata-less subscription still maps
      // once checkout has linked the ids.
      expect((await deliver(event("checkout.session.completed", session, T0 + 2))).body.outcome).toBe(
        "applied",
      );
      expect((await state())?.status).toBe("incomplete");
      await deliver(event("customer.subscription.created", subscription(userId, { metadata: {} }), T0 + 1));
      expect((await state())?.status).toBe("active");

      const invoice = (end: number) => ({
        object: "invoice",
        customer: `cus_${userId}`,
        parent: { subscription_details: { subscription: `sub_${userId}` } },
        lines: { data: [{ period: { end } }] },
      });
      await deliver(event("invoice.payment_failed", invoice(T0 + 60 * 86400), T0 + 30 * 86400));
      const failing = await state();
      expect(failing?.status).toBe("past_due");
      const failedAt = (T0 + 30 * 86400) * 1000;
      expect(grantsPro(failing, new Date(failedAt + (PAST_DUE_GRACE_DAYS - 1) * DAY))).toBe(true);
      expect(grantsPro(failing, new Date(failedAt + (PAST_DUE_GRACE_DAYS + 1) * DAY))).toBe(false);

      await deliver(event("invoice.paid", invoice(T0 + 60 * 86400), T0 + 32 * 86400));
      const paid = await state();
      expect(paid).toMatchObject({ status: "active", pastDueSince: null });
      expect(paid?.currentPeriodEnd?.toISOString()).toBe(at(T0 + 60 * 86400).toISOString());
    });

    it("answers 2xx to events it does not use and to subscriptions it cannot place", async () => {
      expect(
        (await deliver(event("customer.created", { id: "cus_x", object: "customer" }, T0))).body,
      ).toEqual({
        received: true,
        outcome: "ignored",
      });
      const stranger = subscription("nobody", { metadata: {} });
      expect((await deliver(event("customer.subscription.updated", stranger, T0))).body.outcome).toBe(
        "unmatched",
      );
    });

    // Issue 12: signed but unreadable events answered 503, so Stripe would retry them for days.
    it("records a signed event whose subscription payload does not fit, answers 200 with the reason, and never reprocesses it", async () => {
      const e = event("customer.subscription.updated", { id: 42, customer: `cus_${userId}` }, T0);
      const answer = await deliver(e);
      expect(answer.status).toBe(200);
      expect(answer.body.outcome).toBe("malformed");
      expect(answer.body.error).toMatch(/data\.object\.id/);
      const stored = await db.billingEvent.findUnique({ where: { id: e.id } });
      expect(stored).toMatchObject({ outcome: "malformed", type: "customer.subscription.updated" });
      expect(stored?.reason).toMatch(/data\.object\.id/);
      expect((await deliver(e)).body).toMatchObject({ received: true, outcome: "duplicate" });
      expect(await db.billingEvent.count({ where: { id: e.id } })).toBe(1);
      expect(await state()).toBeNull();
    });

    it("records signed deliveries without a usable envelope, keyed by event id or body hash", async () => {
      const noCreated = { id: `evt_${++counter}_nocreated`, type: "invoice.paid", data: { object: {} } };
      const a = await deliver(noCreated);
      expect(a).toMatchObject({ status: 200, body: { received: true, outcome: "malformed" } });
      expect(a.body.error).toMatch(/created/);
      expect(await db.billingEvent.findUnique({ where: { id: noCreated.id } })).toMatchObject({
        outcome: "malformed",
        type: "invoice.paid",
      });

      const noId = { type: "customer.subscription.deleted", created: T0, data: { object: {} }, n: ++counter };
      expect((await deliver(noId)).body.outcome).toBe("malformed");
      // Stripe redelivers the same body with a fresh signature: recognised, not reprocessed.
      expect((await deliver(noId)).body.outcome).toBe("duplicate");
      const body = JSON.stringify(noId);
      const notJson = `${body}}`;
      const answer = await handleStripeWebhook(db, stripe, SECRET, notJson, sign(notJson));
      expect(answer).toMatchObject({
        status: 200,
        body: { outcome: "malformed", error: "the body is not JSON" },
      });
      expect(
        await db.billingEvent.count({ where: { outcome: "malformed", id: { startsWith: "malformed_" } } }),
      ).toBeGreaterThanOrEqual(2);
    });
  });
}
