// Reads the Stripe events we act on into provider-neutral subscription changes. Pure: no I/O,
// so the webhook, the local demo billing and the tests all share it. Only the fields we use are
// parsed (with zod): an event we use whose payload does not fit is "malformed", with the reason,
// never a crash.
import { z } from "zod";

/** The fields of a Stripe event the handler reads; real events and local demo events both fit. */
export type BillingEventInput = {
  id: string;
  type: string;
  /** Unix seconds, Stripe's `created`. */
  created: number;
  data: { object: unknown };
};

/** How we find the subscription row an event is about. */
export type SubscriptionRef = { userId?: string; customerId?: string; subscriptionId?: string };

export type SubscriptionChange =
  /** Full state of the subscription (customer.subscription.*). */
  | {
      kind: "snapshot";
      ref: SubscriptionRef;
      status: string;
      currentPeriodEnd: Date | null;
      cancelAtPeriodEnd: boolean;
      /** `created` events are a subscription's first word: at equal timestamps anything else is newer. */
      isCreation: boolean;
    }
  /** checkout.session.completed: ties the Stripe customer and subscription to our user. */
  | { kind: "link"; ref: SubscriptionRef & { userId: string } }
  /** invoice.paid: a renewal went through. */
  | { kind: "paid"; ref: SubscriptionRef; periodEnd: Date | null }
  /** invoice.payment_failed: the grace period starts. */
  | { kind: "payment_failed"; ref: SubscriptionRef };

/** An event we use whose payload lacks or mistypes a field we need; retrying cannot fix it. */
export type MalformedEvent = { kind: "malformed"; reason: string };

export const HANDLED_EVENT_TYPES = [
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
] as const;

const id = z.string().min(1);
/** Stripe fields that are an id or, when expanded, an object with an id. */
const idOrObject = z.union([id, z.object({ id })]).transform((v) => (typeof v === "string" ? v : v.id));
const unixSeconds = z.number().int().nonnegative();

const subscriptionSchema = z.object({
  id,
  customer: idOrObject,
  status: z.string(),
  cancel_at_period_end: z.boolean().default(false),
  ended_at: unixSeconds.nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  // Since API version 2025-03-31 the period lives on the subscription items.
  items: z.object({ data: z.array(z.object({ current_period_end: unixSeconds.nullish() })) }).nullish(),
  current_period_end: unixSeconds.nullish(),
});

const checkoutSessionSchema = z.object({
  mode: z.string(),
  client_reference_id: z.string().nullish(),
  customer: idOrObject.nullish(),
  subscription: idOrObject.nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

const invoiceSchema = z.object({
  customer: idOrObject.nullish(),
  parent: z
    .object({ subscription_details: z.object({ subscription: idOrObject.nullish() }).nullish() })
    .nullish(),
  /** Older API versions. */
  subscription: idOrObject.nullish(),
  lines: z
    .object({ data: z.array(z.object({ period: z.object({ end: unixSeconds }).nullish() })) })
    .nullish(),
});

/** The envelope every event needs before we can record it (id, type, creation time, object). */
const envelopeSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  created: unixSeconds,
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

const REASON_MAX = 500;

/** "data.object.customer: Invalid input; ..." — short enough to store and to show Stripe. */
export function describeIssues(error: z.ZodError, prefix = ""): string {
  const text = error.issues
    .slice(0, 5)
    .map(
      (issue) =>
        `${[prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "(root)"}: ${issue.message}`,
    )
    .join("; ");
  return text.length > REASON_MAX ? `${text.slice(0, REASON_MAX - 1)}…` : text;
}

export type EnvelopeReading =
  { ok: true; event: BillingEventInput } | { ok: false; reason: string; id?: string; type?: string };

/** Checks the parts of a verified payload every event must have; keeps what it can for the record. */
export function readEnvelope(payload: unknown): EnvelopeReading {
  const parsed = envelopeSchema.safeParse(payload);
  if (parsed.success) return { ok: true, event: parsed.data };
  const loose = z.object({ id: envelopeSchema.shape.id, type: envelopeSchema.shape.type }).partial();
  const known = loose.safeParse(payload);
  return { ok: false, reason: describeIssues(parsed.error), ...(known.success ? known.data : {}) };
}

const toDate = (seconds: number | null | undefined) => (seconds == null ? null : new Date(seconds * 1000));

function periodEnd(sub: z.infer<typeof subscriptionSchema>): Date | null {
  const ends = (sub.items?.data ?? []).map((i) => i.current_period_end).filter((e): e is number => e != null);
  const latest = ends.length > 0 ? Math.max(...ends) : sub.current_period_end;
  return toDate(latest);
}

const malformed = (error: z.ZodError): MalformedEvent => ({
  kind: "malformed",
  reason: describeIssues(error, "data.object"),
});

/**
 * The change an event asks for; null when the event is not one we use (answered 2xx), or
 * "malformed" when it is one we use but its payload does not fit.
 */
export function interpretEvent(event: BillingEventInput): SubscriptionChange | MalformedEvent | null {
  const object = event.data.object;
  switch (event.type) {
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const parsed = subscriptionSchema.safeParse(object);
      if (!parsed.success) return malformed(parsed.error);
      const sub = parsed.data;
      const deleted = event.type === "customer.subscription.deleted";
      // A deleted subscription has ended: access lasts to its end (ended_at when Stripe ended it early).
      const end = deleted ? (toDate(sub.ended_at) ?? periodEnd(sub)) : periodEnd(sub);
      return {
        kind: "snapshot",
        ref: { userId: sub.metadata?.userId, customerId: sub.customer, subscriptionId: sub.id },
        status: deleted ? "canceled" : sub.status,
        currentPeriodEnd: end,
        cancelAtPeriodEnd: deleted ? false : sub.cancel_at_period_end,
        isCreation: event.type === "customer.subscription.created",
      };
    }
    case "checkout.session.completed": {
      const parsed = checkoutSessionSchema.safeParse(object);
      if (!parsed.success) return malformed(parsed.error);
      if (parsed.data.mode !== "subscription") return null;
      const s = parsed.data;
      const userId = s.client_reference_id ?? s.metadata?.userId;
      if (!userId) return null;
      return {
        kind: "link",
        ref: { userId, customerId: s.customer ?? undefined, subscriptionId: s.subscription ?? undefined },
      };
    }
    case "invoice.paid":
    case "invoice.payment_failed": {
      const parsed = invoiceSchema.safeParse(object);
      if (!parsed.success) return malformed(parsed.error);
      const inv = parsed.data;
      const subscriptionId = inv.parent?.subscription_details?.subscription ?? inv.subscription ?? undefined;
      if (!subscriptionId) return null; // one-off invoices are not subscriptions
      const ref = { customerId: inv.customer ?? undefined, subscriptionId };
      if (event.type === "invoice.payment_failed") return { kind: "payment_failed", ref };
      const ends = (inv.lines?.data ?? []).map((l) => l.period?.end).filter((e): e is number => e != null);
      return { kind: "paid", ref, periodEnd: ends.length > 0 ? toDate(Math.max(...ends)) : null };
    }
    default:
      return null;
  }
}
