// The one place that reads subscriptions for access decisions. It owns the database handle, so
// pages and routes ask "what does this user's subscription say now?" and never open Prisma.
import "server-only";
import { getDb } from "@/lib/db/client";
import { accessEndsAt, grantsPro } from "@/lib/billing/entitlement-rules";
import { findSubscription, type SubscriptionDto } from "@/lib/billing/subscriptions";

export type Plan = "free" | "pro";

export type Entitlement = {
  plan: Plan;
  subscription: SubscriptionDto | null;
  /** When Pro access ends, if it is scheduled to. */
  endsAt: Date | null;
};

/** Read on every request on purpose: a key or session of a user whose Pro ended loses Pro at once. */
export async function readEntitlement(userId: string, now: Date = new Date()): Promise<Entitlement> {
  const subscription = await findSubscription(getDb(), userId);
  return {
    plan: grantsPro(subscription, now) ? "pro" : "free",
    subscription,
    endsAt: accessEndsAt(subscription, now),
  };
}
