// Finds the subscription row a billing event is about and locks it for the rest of the
// transaction. Plain SQL because Prisma has no row-lock API; the same statement runs on
// PostgreSQL and on PGlite (where transactions already run one at a time).
import type { PrismaClient } from "@/lib/db/generated/client";
import type { SubscriptionRef } from "@/lib/billing/stripe-events";

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type SubscriptionRow = NonNullable<Awaited<ReturnType<Tx["subscription"]["findUnique"]>>>;

type Locked = Array<{ id: string }>;

/**
 * The row for our user id, else for the Stripe subscription id, else for the Stripe customer id
 * (the same precedence as before locking), read after the lock is held, so it reflects every
 * event committed before ours.
 */
export async function lockSubscription(tx: Tx, ref: SubscriptionRef): Promise<SubscriptionRow | null> {
  const { userId, subscriptionId, customerId } = ref;
  let locked: Locked = [];
  if (userId)
    locked =
      await tx.$queryRaw<Locked>`SELECT "id" FROM "subscription" WHERE "userId" = ${userId} FOR UPDATE`;
  if (locked.length === 0 && subscriptionId)
    locked = await tx.$queryRaw<Locked>`
      SELECT "id" FROM "subscription" WHERE "stripeSubscriptionId" = ${subscriptionId} FOR UPDATE`;
  if (locked.length === 0 && customerId)
    locked = await tx.$queryRaw<Locked>`
      SELECT "id" FROM "subscription" WHERE "stripeCustomerId" = ${customerId} FOR UPDATE`;
  const first = locked[0];
  if (!first) return null;
  return tx.subscription.findUnique({ where: { id: first.id } });
}
