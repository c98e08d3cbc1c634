// Stripe Checkout (subscribe) and Customer Portal (manage, cancel) sessions. The caller gives the
// site URL and who is paying; Stripe hosts the payment pages and reports back through the webhook.
import type Stripe from "stripe";
import type { BillingInterval, StripeSettings } from "@/lib/billing/config";

export type Payer = { userId: string; email: string; name: string; customerId: string | null };

/** Reuses the payer's Stripe customer, or creates one tagged with our user id. */
export async function ensureCustomer(stripe: Stripe, payer: Payer): Promise<string> {
  if (payer.customerId) return payer.customerId;
  const customer = await stripe.customers.create(
    { email: payer.email, name: payer.name || undefined, metadata: { userId: payer.userId } },
    // Two quick clicks must not make two customers.
    { idempotencyKey: `customer-${payer.userId}` },
  );
  return customer.id;
}

export async function createCheckoutSession(
  stripe: Stripe,
  settings: StripeSettings,
  input: { customerId: string; userId: string; interval: BillingInterval; siteUrl: string },
): Promise<string> {
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer: input.customerId,
    client_reference_id: input.userId,
    line_items: [{ price: settings.prices[input.interval], quantity: 1 }],
    // The subscription carries our user id, so its events map to the account even if they
    // arrive before checkout.session.completed.
    subscription_data: { metadata: { userId: input.userId } },
    metadata: { userId: input.userId },
    allow_promotion_codes: true,
    success_url: `${input.siteUrl}/account?checkout=success`,
    cancel_url: `${input.siteUrl}/pricing?checkout=canceled`,
  });
  if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
  return session.url;
}

export async function createPortalSession(
  stripe: Stripe,
  input: { customerId: string; siteUrl: string },
): Promise<string> {
  const session = await stripe.billingPortal.sessions.create({
    customer: input.customerId,
    return_url: `${input.siteUrl}/account`,
  });
  return session.url;
}
