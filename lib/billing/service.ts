// What the billing routes and pages call: start a checkout, open the portal, receive a webhook.
// Picks Stripe or the local demo billing from configuration; callers do not care which.
import "server-only";
import type Stripe from "stripe";
import { billingConfig, type BillingInterval } from "@/lib/billing/config";
import { createStripe } from "@/lib/billing/stripe-client";
import { createCheckoutSession, createPortalSession, ensureCustomer } from "@/lib/billing/stripe-sessions";
import { handleStripeWebhook, type WebhookAnswer } from "@/lib/billing/webhook";
import { getDb } from "@/lib/db/client";
import type { Viewer } from "@/lib/access/viewer";
import { SITE } from "@/lib/site";

let stripeClient: Stripe | undefined;
function stripe(): Stripe {
  const settings = billingConfig().stripe;
  if (!settings) throw new Error("Stripe is not configured");
  stripeClient ??= createStripe(settings);
  return stripeClient;
}

export const DEMO_CHECKOUT_PATH = "/billing/demo/checkout";
export const DEMO_PORTAL_PATH = "/billing/demo/portal";

/** Where to send a signed-in viewer who asked to subscribe. */
export async function checkoutUrl(viewer: Viewer, interval: BillingInterval): Promise<string> {
  const config = billingConfig();
  if (config.mode === "demo") return `${DEMO_CHECKOUT_PATH}?interval=${interval}`;
  const db = getDb();
  const row = await db.subscription.findUnique({ where: { userId: viewer.userId } });
  const customerId = await ensureCustomer(stripe(), {
    userId: viewer.userId,
    email: viewer.email,
    name: viewer.name,
    customerId: row?.stripeCustomerId ?? null,
  });
  if (!row?.stripeCustomerId) {
    // Remember the customer now, so a second checkout reuses it and its events find the account.
    await db.subscription.upsert({
      where: { userId: viewer.userId },
      create: {
        userId: viewer.userId,
        plan: "pro",
        status: "incomplete",
        source: "stripe",
        stripeCustomerId: customerId,
      },
      update: { stripeCustomerId: customerId },
    });
  }
  return createCheckoutSession(stripe(), config.stripe!, {
    customerId,
    userId: viewer.userId,
    interval,
    siteUrl: SITE.url,
  });
}

/** Where to send a viewer who wants to manage or cancel; null if they have nothing to manage. */
export async function portalUrl(viewer: Viewer): Promise<string | null> {
  const row = await getDb().subscription.findUnique({ where: { userId: viewer.userId } });
  if (!row) return null;
  // A demo subscription left over from before Stripe was set up has no portal in Stripe mode.
  if (row.source === "local") return billingConfig().mode === "demo" ? DEMO_PORTAL_PATH : null;
  if (row.source !== "stripe" || !row.stripeCustomerId || billingConfig().mode !== "stripe") return null;
  return createPortalSession(stripe(), { customerId: row.stripeCustomerId, siteUrl: SITE.url });
}

export async function receiveStripeWebhook(
  rawBody: string,
  signature: string | null,
): Promise<WebhookAnswer> {
  const secret = billingConfig().stripe?.webhookSecret;
  if (!secret) return { status: 404, body: { received: false, error: "Stripe webhooks are not configured" } };
  return handleStripeWebhook(getDb(), stripe(), secret, rawBody, signature);
}
