// Verifies a Stripe webhook delivery on its raw body and applies it. Returns the HTTP answer:
// - 400 for a missing or bad signature (Stripe shows it in the dashboard; nothing is stored);
// - 200 for every verified event, used or not, so Stripe stops retrying what we deliberately
//   ignore. A verified event we cannot read (not JSON, no id, a field we need missing or of the
//   wrong type) is recorded as "malformed" with the reason and also answered 200: Stripe retries
//   every non-2xx answer for days, and a retry of the same payload cannot succeed. The reason is
//   in the answer (Stripe's dashboard shows it), in billing_event.reason and in the server log.
// Errors thrown from here (the database is down) are transient: the route answers 503.
import type Stripe from "stripe";
import type { PrismaClient } from "@/lib/db/generated/client";
import { applyBillingEvent, recordMalformedEvent, type EventOutcome } from "@/lib/billing/apply-event";
import { readEnvelope } from "@/lib/billing/stripe-events";

export type WebhookAnswer = {
  status: number;
  body: { received: boolean; outcome?: EventOutcome; error?: string };
};

export async function handleStripeWebhook(
  db: PrismaClient,
  stripe: Stripe,
  webhookSecret: string,
  rawBody: string,
  signature: string | null,
): Promise<WebhookAnswer> {
  if (!signature) return { status: 400, body: { received: false, error: "missing Stripe-Signature header" } };
  if (!stripe.webhooks.signature) throw new Error("the Stripe SDK has no signature helper on this runtime");
  try {
    stripe.webhooks.signature.verifyHeader(rawBody, signature, webhookSecret);
  } catch (error) {
    return {
      status: 400,
      body: { received: false, error: `invalid signature: ${(error as Error).message}` },
    };
  }

  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    return malformed(db, { rawBody, reason: "the body is not JSON" });
  }
  const envelope = readEnvelope(payload);
  if (!envelope.ok) return malformed(db, { ...envelope, rawBody });

  const { outcome, reason } = await applyBillingEvent(db, envelope.event, "stripe");
  if (outcome === "malformed")
    console.warn(
      `billing: event ${envelope.event.id} (${envelope.event.type}) recorded as malformed: ${reason}`,
    );
  return { status: 200, body: { received: true, outcome, ...(reason ? { error: reason } : {}) } };
}

async function malformed(
  db: PrismaClient,
  input: { id?: string; type?: string; rawBody: string; reason: string },
): Promise<WebhookAnswer> {
  const { outcome } = await recordMalformedEvent(db, input, "stripe");
  if (outcome === "malformed")
    console.warn(
      `billing: verified delivery ${input.id ?? "(no id)"} recorded as malformed: ${input.reason}`,
    );
  return { status: 200, body: { received: true, outcome, error: input.reason } };
}
