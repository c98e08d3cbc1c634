// The local demo billing mode (no Stripe keys): the demo checkout and portal make the same events
// Stripe would send and apply them through applyBillingEvent, so entitlement works exactly as in
// production. No payment is taken; the pages say so.
import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { BillingInterval } from "@/lib/billing/config";
import { applyBillingEvent, type EventOutcome } from "@/lib/billing/apply-event";
import type { BillingEventInput } from "@/lib/billing/stripe-events";

export function addInterval(from: Date, interval: BillingInterval): Date {
  const end = new Date(from);
  if (interval === "monthly") end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  return end;
}

async function emit(
  db: PrismaClient,
  userId: string,
  type: string,
  now: Date,
  subscription: { status: string; periodEnd: Date; cancelAtPeriodEnd: boolean },
): Promise<EventOutcome> {
  const row = await db.subscription.findUnique({ where: { userId }, select: { lastEventAt: true } });
  // Stripe timestamps are whole seconds; keep demo events strictly ordered even within one second.
  const lastSeconds = row?.lastEventAt ? Math.floor(row.lastEventAt.getTime() / 1000) : 0;
  const event: BillingEventInput = {
    id: `evt_local_${crypto.randomUUID()}`,
    type,
    created: Math.max(Math.floor(now.getTime() / 1000), lastSeconds + 1),
    data: {
      object: {
        id: `sub_local_${userId}`,
        customer: `cus_local_${userId}`,
        status: subscription.status,
        cancel_at_period_end: subscription.cancelAtPeriodEnd,
        metadata: { userId },
        items: { data: [{ current_period_end: Math.floor(subscription.periodEnd.getTime() / 1000) }] },
      },
    },
  };
  return (await applyBillingEvent(db, event, "local")).outcome;
}

export async function startLocalSubscription(
  db: PrismaClient,
  userId: string,
  interval: BillingInterval,
  now = new Date(),
) {
  return emit(db, userId, "customer.subscription.created", now, {
    status: "active",
    periodEnd: addInterval(now, interval),
    cancelAtPeriodEnd: false,
  });
}

/** Cancel at period end (or undo it), as Stripe's Customer Portal does by default. */
export async function setLocalCancelAtPeriodEnd(
  db: PrismaClient,
  userId: string,
  cancel: boolean,
  now = new Date(),
) {
  const row = await db.subscription.findUnique({ where: { userId } });
  if (!row || row.source !== "local" || !row.currentPeriodEnd) return "unmatched" as const;
  return emit(db, userId, "customer.subscription.updated", now, {
    status: row.status,
    periodEnd: row.currentPeriodEnd,
    cancelAtPeriodEnd: cancel,
  });
}
