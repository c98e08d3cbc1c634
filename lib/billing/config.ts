// Billing configuration from the environment, parsed once. The mode is explicit: BILLING_MODE=stripe
// sells through Stripe, BILLING_MODE=demo runs the clearly labelled demo billing that takes no
// payment (see README, "Billing"). Unset, it follows the Stripe keys, and only outside production
// does "no keys" mean demo: a production deploy that forgot its keys must not give Pro away.
import { z } from "zod";

const optional = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

const schema = z.object({
  NODE_ENV: optional,
  BILLING_MODE: optional.pipe(z.enum(["stripe", "demo"]).optional()),
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
  webhookSecret: string;
  prices: Record<BillingInterval, string>;
  api: { host?: string; port?: string; protocol?: "http" | "https" };
};

export type BillingMode = "stripe" | "demo";

export type BillingConfig = {
  mode: BillingMode;
  displayPrices: Record<BillingInterval, string>;
  stripe: StripeSettings | null;
};

export class BillingConfigError extends Error {}

/** Everything Stripe mode needs: the API key, both price ids and the webhook signing secret. */
export const STRIPE_KEYS = [
  "STRIPE_SECRET_KEY",
  "STRIPE_PRICE_MONTHLY",
  "STRIPE_PRICE_YEARLY",
  "STRIPE_WEBHOOK_SECRET",
] as const;
export type StripeKey = (typeof STRIPE_KEYS)[number];

export type ModeInput = {
  production: boolean;
  requested: BillingMode | undefined;
  /** Which of STRIPE_KEYS are unset. */
  missingStripeKeys: readonly StripeKey[];
};
export type ModeDecision = { mode: BillingMode } | { error: string };

/** The mode decision alone, pure, so every combination is tested. */
export function decideBillingMode({ production, requested, missingStripeKeys }: ModeInput): ModeDecision {
  if (requested === "demo") return { mode: "demo" };
  const noKeys = missingStripeKeys.length === STRIPE_KEYS.length;
  if (requested === "stripe" || !noKeys) {
    if (missingStripeKeys.length === 0) return { mode: "stripe" };
    const why = requested === "stripe" ? "BILLING_MODE=stripe" : "Stripe billing (some Stripe keys are set)";
    return {
      error: `${why} needs ${missingStripeKeys.join(", ")}. Set them, or set BILLING_MODE=demo to run the demo billing that takes no payment.`,
    };
  }
  if (!production) return { mode: "demo" };
  return {
    error: `No billing mode in production: set the Stripe keys (${STRIPE_KEYS.join(", ")}) to sell Pro through Stripe, or BILLING_MODE=demo to run the demo billing, where anyone can start Pro without paying.`,
  };
}

export function readBillingConfig(source: Record<string, string | undefined> = process.env): BillingConfig {
  const parsed = schema.safeParse(source);
  if (!parsed.success)
    throw new BillingConfigError(
      `Invalid billing configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  const env = parsed.data;
  const decision = decideBillingMode({
    production: env.NODE_ENV === "production",
    requested: env.BILLING_MODE,
    missingStripeKeys: STRIPE_KEYS.filter((key) => !env[key]),
  });
  if ("error" in decision) throw new BillingConfigError(decision.error);
  const displayPrices = { monthly: env.PRO_PRICE_MONTHLY, yearly: env.PRO_PRICE_YEARLY };
  if (decision.mode === "demo") return { mode: "demo", displayPrices, stripe: null };
  const {
    STRIPE_SECRET_KEY: secretKey,
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_PRICE_MONTHLY: monthly,
    STRIPE_PRICE_YEARLY: yearly,
  } = env;
  // decideBillingMode picks Stripe only with every key set; this narrows the types.
  if (!secretKey || !webhookSecret || !monthly || !yearly)
    throw new BillingConfigError("Stripe billing chosen without its keys");
  return {
    mode: "stripe",
    displayPrices,
    stripe: {
      secretKey,
      webhookSecret,
      prices: { monthly, yearly },
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
