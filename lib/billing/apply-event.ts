// Applies one billing event to the subscription table, exactly once and in order, in one
// transaction that also records the event:
// - the event id is claimed first (insert, skipping a taken id): a concurrent delivery of the same
//   event waits on the primary key until the first transaction ends, then finds it taken;
// - the subscription row is locked (SELECT ... FOR UPDATE) before it is read, so two different
//   events for one subscription apply one after the other, and the second sees the first's
//   lastEventAt: an event older than the newest applied is recorded as "stale" and changes nothing;
// - when two first events both create the row, the loser hits the unique key, and its whole
//   transaction is retried once; the retry finds the row and locks it like any other.
import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import { lockSubscription, type SubscriptionRow, type Tx } from "@/lib/billing/subscription-lock";
import { interpretEvent, type BillingEventInput, type SubscriptionChange } from "@/lib/billing/stripe-events";

export type EventOutcome = "applied" | "ignored" | "stale" | "unmatched" | "duplicate" | "malformed";
export type EventSource = "stripe" | "local";

/** What happened to the event; `reason` says why a malformed event could not be used. */
export type EventResult = { outcome: EventOutcome; reason?: string };
type EventRecord = { id: string; type: string; source: EventSource; occurredAt: Date };

/** Statuses a paid invoice moves back to active; a canceled subscription stays canceled. */
const REVIVABLE = new Set(["active", "trialing", "past_due", "unpaid", "incomplete"]);

/** Row locks can queue behind each other under a burst of deliveries; Prisma's defaults are 2 s / 5 s. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

export async function applyBillingEvent(
  db: PrismaClient,
  event: BillingEventInput,
  source: EventSource,
): Promise<EventResult> {
  const occurredAt = new Date(event.created * 1000);
  const change = interpretEvent(event);
  return recordOnce(db, { id: event.id, type: event.type, source, occurredAt }, async (tx) => {
    if (!change) return { outcome: "ignored" };
    if (change.kind === "malformed") return { outcome: "malformed", reason: change.reason };
    return { outcome: await applyChange(tx, change, occurredAt, source) };
  });
}

/**
 * Records a verified delivery whose envelope (id, type, created, data.object) we cannot read.
 * Keyed by its event id when it has one, else by a hash of the body, so a redelivery of the same
 * payload is a duplicate rather than a second record.
 */
export async function recordMalformedEvent(
  db: PrismaClient,
  input: { id?: string; type?: string; rawBody: string; reason: string },
  source: EventSource,
): Promise<EventResult> {
  const id = input.id ?? `malformed_${crypto.createHash("sha256").update(input.rawBody).digest("hex")}`;
  const record = { id, type: input.type ?? "unknown", source, occurredAt: new Date() };
  return recordOnce(db, record, async () => ({ outcome: "malformed", reason: input.reason }));
}

async function recordOnce(
  db: PrismaClient,
  record: EventRecord,
  effect: (tx: Tx) => Promise<EventResult>,
): Promise<EventResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const claimed = await tx.billingEvent.createMany({
          data: [{ ...record, outcome: "pending" }],
          skipDuplicates: true,
        });
        if (claimed.count === 0) return { outcome: "duplicate" as const };
        const result = await effect(tx);
        await tx.billingEvent.update({ where: { id: record.id }, data: result });
        return result;
      }, TRANSACTION_OPTIONS);
    } catch (error) {
      if (attempt === 1 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** Prisma reports a unique-key conflict as P2002 with both driver adapters. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

async function applyChange(
  tx: Tx,
  change: SubscriptionChange,
  occurredAt: Date,
  source: EventSource,
): Promise<EventOutcome> {
  const row = await lockSubscription(tx, change.ref);
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
