// Billing configuration from the environment. With STRIPE_SECRET_KEY set the site sells through
// Stripe; without it, it runs the clearly labelled local demo billing (see README, "Billing").
import { z } from "zod";

const optional = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

const schema = z.object({
  STRIPE_SECRET_KEY: optional,
  STRIPE_WEBHOOK_SECRET: optional,
  STRIPE_PRICE_MONTHLY: optional,
  STRIPE_PRICE_YEARLY: optional,
  /** Point the SDK at another API host (a local stand-in in tests, or stripe-mock). */
  STRIPE_API_HOST: optional,
  STRIPE_API_PORT: optional,
  STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
  /** What the pricing page shows; Stripe's price objects stay the source of truth for charging. */
  PRO_PRICE_MONTHLY: z.string().default("$24"),
  PRO_PRICE_YEARLY: z.string().default("$240"),
});

export type BillingInterval = "monthly" | "yearly";
export const BILLING_INTERVALS: readonly BillingInterval[] = ["monthly", "yearly"];

export type StripeSettings = {
  secretKey: string;
  webhookSecret: string | undefined;
  prices: Record<BillingInterval, string>;
  api: { host?: string; port?: string; protocol?: "http" | "https" };
};

export type BillingConfig = {
  mode: "stripe" | "local";
  displayPrices: Record<BillingInterval, string>;
  stripe: StripeSettings | null;
};

export class BillingConfigError extends Error {}

export function readBillingConfig(source: Record<string, string | undefined> = process.env): BillingConfig {
  const env = schema.parse(source);
  const displayPrices = { monthly: env.PRO_PRICE_MONTHLY, yearly: env.PRO_PRICE_YEARLY };
  if (!env.STRIPE_SECRET_KEY) return { mode: "local", displayPrices, stripe: null };
  if (!env.STRIPE_PRICE_MONTHLY || !env.STRIPE_PRICE_YEARLY)
    throw new BillingConfigError(
      "STRIPE_SECRET_KEY is set, so STRIPE_PRICE_MONTHLY and STRIPE_PRICE_YEARLY (Stripe price ids) must be set too",
    );
  return {
    mode: "stripe",
    displayPrices,
    stripe: {
      secretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      prices: { monthly: env.STRIPE_PRICE_MONTHLY, yearly: env.STRIPE_PRICE_YEARLY },
      api: { host: env.STRIPE_API_HOST, port: env.STRIPE_API_PORT, protocol: env.STRIPE_API_PROTOCOL },
    },
  };
}

let cached: BillingConfig | undefined;
/** Parsed once per process. */
export function billingConfig(): BillingConfig {
  cached ??= readBillingConfig();
  return cached;
}

export function isBillingInterval(value: unknown): value is BillingInterval {
  return value === "monthly" || value === "yearly";
}
