// Applies one billing event to the subscription table, exactly once and in order:
// - the event id is recorded in the same transaction as its effect, so a replay changes nothing
//   (and a concurrent duplicate loses on the primary key and rolls back);
// - an event older than the newest one applied to that subscription is recorded as "stale" and
//   changes nothing, so out-of-order delivery never rolls state back.
import type { PrismaClient } from "@/lib/db/generated/client";
import { interpretEvent, type BillingEventInput, type SubscriptionChange } from "@/lib/billing/stripe-events";

export type EventOutcome = "applied" | "ignored" | "stale" | "unmatched" | "duplicate";
export type EventSource = "stripe" | "local";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
type SubscriptionRow = NonNullable<Awaited<ReturnType<Tx["subscription"]["findUnique"]>>>;

/** Statuses a paid invoice moves back to active; a canceled subscription stays canceled. */
const REVIVABLE = new Set(["active", "trialing", "past_due", "unpaid", "incomplete"]);

export async function applyBillingEvent(
  db: PrismaClient,
  event: BillingEventInput,
  source: EventSource,
): Promise<EventOutcome> {
  const occurredAt = new Date(event.created * 1000);
  const change = interpretEvent(event);
  if (await db.billingEvent.findUnique({ where: { id: event.id } })) return "duplicate";
  try {
    return await db.$transaction(async (tx) => {
      const outcome = change ? await applyChange(tx, change, occurredAt, source) : "ignored";
      await tx.billingEvent.create({ data: { id: event.id, type: event.type, source, occurredAt, outcome } });
      return outcome;
    });
  } catch (error) {
    // A concurrent delivery of the same event won the race on the primary key (drivers report the
    // violation differently, so ask the table rather than the error).
    if (await db.billingEvent.findUnique({ where: { id: event.id } })) return "duplicate";
    throw error;
  }
}

async function findRow(tx: Tx, change: SubscriptionChange): Promise<SubscriptionRow | null> {
  const { userId, subscriptionId, customerId } = change.ref;
  if (userId) {
    const row = await tx.subscription.findUnique({ where: { userId } });
    if (row) return row;
  }
  if (subscriptionId) {
    const row = await tx.subscription.findUnique({ where: { stripeSubscriptionId: subscriptionId } });
    if (row) return row;
  }
  if (customerId) return tx.subscription.findUnique({ where: { stripeCustomerId: customerId } });
  return null;
}

async function applyChange(
  tx: Tx,
  change: SubscriptionChange,
  occurredAt: Date,
  source: EventSource,
): Promise<EventOutcome> {
  const row = await findRow(tx, change);
  const ids = {
    ...(change.ref.customerId ? { stripeCustomerId: change.ref.customerId } : {}),
    ...(change.ref.subscriptionId ? { stripeSubscriptionId: change.ref.subscriptionId } : {}),
  };

  if (!row) {
    // Only events that name our user can start a record: a subscription we cannot tie to an
    // account is recorded as unmatched (Stripe retrying would not help).
    const userId = change.ref.userId;
    if (!userId || !(await tx.user.findUnique({ where: { id: userId }, select: { id: true } })))
      return "unmatched";
    const base = { userId, plan: "pro", source, ...ids };
    if (change.kind === "link") {
      // Status comes from the subscription events; the link alone grants nothing.
      await tx.subscription.create({ data: { ...base, status: "incomplete" } });
      return "applied";
    }
    if (change.kind !== "snapshot") return "unmatched";
    await tx.subscription.create({
      data: { ...base, ...snapshotState(change, null, occurredAt), lastEventAt: occurredAt },
    });
    return "applied";
  }

  if (change.kind === "link") {
    // Linking is timeless: it never moves lastEventAt, so the subscription events that Stripe
    // usually sends just before checkout.session.completed still apply.
    await tx.subscription.update({ where: { id: row.id }, data: { ...ids, source } });
    return "applied";
  }

  const last = row.lastEventAt?.getTime();
  const at = occurredAt.getTime();
  if (last !== undefined && (at < last || (at === last && change.kind === "snapshot" && change.isCreation)))
    return "stale";

  const data =
    change.kind === "snapshot"
      ? snapshotState(change, row, occurredAt)
      : change.kind === "paid"
        ? paidState(change.periodEnd, row)
        : failedState(row, occurredAt);
  if (!data) return "ignored";
  await tx.subscription.update({
    where: { id: row.id },
    data: { ...data, ...ids, source, lastEventAt: occurredAt },
  });
  return "applied";
}

function snapshotState(
  change: Extract<SubscriptionChange, { kind: "snapshot" }>,
  row: SubscriptionRow | null,
  occurredAt: Date,
) {
  return {
    plan: "pro",
    status: change.status,
    currentPeriodEnd: change.currentPeriodEnd,
    cancelAtPeriodEnd: change.cancelAtPeriodEnd,
    // The grace period counts from the first failure, not from the latest retry.
    pastDueSince: change.status === "past_due" ? (row?.pastDueSince ?? occurredAt) : null,
  };
}

function paidState(periodEnd: Date | null, row: SubscriptionRow) {
  if (!REVIVABLE.has(row.status)) return null;
  const end =
    periodEnd && (!row.currentPeriodEnd || periodEnd > row.currentPeriodEnd)
      ? periodEnd
      : row.currentPeriodEnd;
  return {
    status: row.status === "trialing" ? "trialing" : "active",
    pastDueSince: null,
    currentPeriodEnd: end,
  };
}

function failedState(row: SubscriptionRow, occurredAt: Date) {
  if (row.status === "canceled") return null;
  return { status: "past_due", pastDueSince: row.pastDueSince ?? occurredAt };
}
