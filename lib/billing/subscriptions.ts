// Subscription records: read, grant and revoke. Server-only data access; callers get DTOs.
import type { PrismaClient } from "@/lib/db/generated/client";
import type { SubscriptionState } from "@/lib/billing/entitlement-rules";

export type SubscriptionDto = SubscriptionState & { source: string };

export async function findSubscription(db: PrismaClient, userId: string): Promise<SubscriptionDto | null> {
  const row = await db.subscription.findUnique({ where: { userId } });
  if (!row) return null;
  return {
    plan: row.plan,
    status: row.status,
    source: row.source,
    currentPeriodEnd: row.currentPeriodEnd,
    cancelAtPeriodEnd: row.cancelAtPeriodEnd,
    pastDueSince: row.pastDueSince,
  };
}

export class UnknownUserError extends Error {
  readonly status = 404;
  constructor(email: string) {
    super(`No user with the email ${email}`);
  }
}

async function userIdByEmail(db: PrismaClient, email: string): Promise<string> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true },
  });
  if (!user) throw new UnknownUserError(email);
  return user.id;
}

/** Admin grant: Pro without an end date unless `until` is given. */
export async function grantPro(db: PrismaClient, email: string, until: Date | null = null) {
  const userId = await userIdByEmail(db, email);
  const data = {
    plan: "pro",
    status: "active",
    source: "admin",
    currentPeriodEnd: until,
    cancelAtPeriodEnd: until !== null,
    pastDueSince: null,
  };
  await db.subscription.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

export async function revokePro(db: PrismaClient, email: string) {
  const userId = await userIdByEmail(db, email);
  await db.subscription.updateMany({
    where: { userId },
    data: { status: "canceled", currentPeriodEnd: new Date(), cancelAtPeriodEnd: false },
  });
}
