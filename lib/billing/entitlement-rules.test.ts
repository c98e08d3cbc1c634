import { describe, expect, it } from "vitest";
import { PAST_DUE_GRACE_DAYS, grantsPro, type SubscriptionState } from "@/lib/billing/entitlement-rules";

const now = new Date("2026-11-28T12:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const sub = (over: Partial<SubscriptionState>): SubscriptionState => ({
  plan: "pro",
  status: "active",
  currentPeriodEnd: days(10),
  cancelAtPeriodEnd: false,
  pastDueSince: null,
  ...over,
});

describe("grantsPro", () => {
  it("grants active and trialing subscriptions in their period", () => {
    expect(grantsPro(sub({}), now)).toBe(true);
    expect(grantsPro(sub({ status: "trialing" }), now)).toBe(true);
    expect(grantsPro(sub({ currentPeriodEnd: null }), now)).toBe(true);
  });
  it("denies no subscription, other plans and unknown statuses", () => {
    expect(grantsPro(null, now)).toBe(false);
    expect(grantsPro(sub({ plan: "free" }), now)).toBe(false);
    expect(grantsPro(sub({ status: "incomplete" }), now)).toBe(false);
    expect(grantsPro(sub({ status: "unpaid" }), now)).toBe(false);
  });
  it("keeps cancel-at-period-end until the end, then removes it", () => {
    const s = sub({ cancelAtPeriodEnd: true, currentPeriodEnd: days(3) });
    expect(grantsPro(s, days(2.9))).toBe(true);
    expect(grantsPro(s, days(3))).toBe(false);
  });
  it("keeps a canceled subscription until its period end", () => {
    expect(grantsPro(sub({ status: "canceled", currentPeriodEnd: days(1) }), now)).toBe(true);
    expect(grantsPro(sub({ status: "canceled", currentPeriodEnd: days(-1) }), now)).toBe(false);
  });
  it("gives past_due a grace period", () => {
    const s = sub({ status: "past_due", pastDueSince: now });
    expect(grantsPro(s, days(PAST_DUE_GRACE_DAYS - 0.1))).toBe(true);
    expect(grantsPro(s, days(PAST_DUE_GRACE_DAYS))).toBe(false);
  });
  it("allows a short leeway for late renewal events only when not cancelling", () => {
    expect(grantsPro(sub({ currentPeriodEnd: days(-1) }), now)).toBe(true);
    expect(grantsPro(sub({ currentPeriodEnd: days(-3) }), now)).toBe(false);
  });
});
