// The Stripe SDK, configured from BillingConfig. Tests point it at a local stand-in by host/port.
import Stripe from "stripe";
import type { StripeSettings } from "@/lib/billing/config";

export function createStripe(settings: StripeSettings): Stripe {
  return new Stripe(settings.secretKey, {
    ...(settings.api.host ? { host: settings.api.host } : {}),
    ...(settings.api.port ? { port: settings.api.port } : {}),
    ...(settings.api.protocol ? { protocol: settings.api.protocol } : {}),
    maxNetworkRetries: 1,
    timeout: 20_000,
    appInfo: { name: "Detection Atlas" },
  });
}
