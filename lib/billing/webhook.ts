// Verifies a Stripe webhook delivery on its raw body and applies it. Returns the HTTP answer:
// 400 for a missing or bad signature (Stripe shows it in the dashboard), 2xx for every verified
// event, used or not, so Stripe stops retrying what we deliberately ignore.
import type Stripe from "stripe";
import type { PrismaClient } from "@/lib/db/generated/client";
import { applyBillingEvent, type EventOutcome } from "@/lib/billing/apply-event";

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
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature, webhookSecret);
  } catch (error) {
    return {
      status: 400,
      body: { received: false, error: `invalid signature: ${(error as Error).message}` },
    };
  }
  const outcome = await applyBillingEvent(db, event, "stripe");
  return { status: 200, body: { received: true, outcome } };
}
