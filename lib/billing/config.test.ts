import { describe, expect, it } from "vitest";
import { decideBillingMode, STRIPE_KEYS, type BillingMode, type StripeKey } from "@/lib/billing/config";

/** Every subset of the Stripe keys, as the keys that are missing. */
const subsets: StripeKey[][] = Array.from({ length: 1 << STRIPE_KEYS.length }, (_, bits) =>
  STRIPE_KEYS.filter((_, i) => bits & (1 << i)),
);
const none = [...STRIPE_KEYS];
const complete: StripeKey[] = [];
const partials = subsets.filter((missing) => missing.length > 0 && missing.length < STRIPE_KEYS.length);

const decide = (production: boolean, requested: BillingMode | undefined, missingStripeKeys: StripeKey[]) =>
  decideBillingMode({ production, requested, missingStripeKeys });

describe("decideBillingMode", () => {
  // [production, BILLING_MODE, Stripe keys, expected mode or "refuse"]
  const table: Array<[boolean, BillingMode | undefined, "none" | "complete", BillingMode | "refuse"]> = [
    [false, undefined, "none", "demo"],
    [false, undefined, "complete", "stripe"],
    [false, "demo", "none", "demo"],
    [false, "demo", "complete", "demo"],
    [false, "stripe", "none", "refuse"],
    [false, "stripe", "complete", "stripe"],
    [true, undefined, "none", "refuse"],
    [true, undefined, "complete", "stripe"],
    [true, "demo", "none", "demo"],
    [true, "demo", "complete", "demo"],
    [true, "stripe", "none", "refuse"],
    [true, "stripe", "complete", "stripe"],
  ];
  for (const [production, requested, keys, expected] of table)
    it(`${production ? "production" : "development"}, BILLING_MODE=${requested ?? "(unset)"}, ${keys} Stripe keys → ${expected}`, () => {
      const decision = decide(production, requested, keys === "none" ? none : complete);
      if (expected === "refuse") expect(decision).toHaveProperty("error");
      else expect(decision).toEqual({ mode: expected });
    });

  it("refuses every partial set of Stripe keys unless BILLING_MODE=demo, naming exactly the missing ones", () => {
    expect(partials).toHaveLength(14);
    for (const production of [false, true])
      for (const missing of partials) {
        for (const requested of [undefined, "stripe"] as const) {
          const decision = decide(production, requested, missing);
          expect(decision).toHaveProperty("error");
          const error = (decision as { error: string }).error;
          for (const key of STRIPE_KEYS)
            if (missing.includes(key)) expect(error).toContain(key);
            else expect(error).not.toContain(key);
        }
        expect(decide(production, "demo", missing)).toEqual({ mode: "demo" });
      }
  });

  it("says in production without keys how to fix it, and what demo means", () => {
    const decision = decide(true, undefined, none);
    expect(decision).toHaveProperty("error");
    const error = (decision as { error: string }).error;
    expect(error).toMatch(/BILLING_MODE=demo/);
    expect(error).toMatch(/without paying/);
    for (const key of STRIPE_KEYS) expect(error).toContain(key);
  });
});
