// Pure rules for "does this subscription grant Pro at this moment?". Kept free of I/O so the
// webhook, the account page and the Pro gate all agree, and tests can move the clock.

export type SubscriptionState = {
  plan: string;
  status: string;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  pastDueSince: Date | null;
};

/** A failed renewal keeps Pro this long while the card is retried (Stripe retries for ~1-3 weeks). */
export const PAST_DUE_GRACE_DAYS = 7;
/** Renewal events can land a little after the period ends; don't lock paying users out meanwhile. */
export const RENEWAL_LEEWAY_HOURS = 48;

const DAY = 24 * 60 * 60 * 1000;

export function grantsPro(sub: SubscriptionState | null, now: Date): boolean {
  if (!sub || sub.plan !== "pro") return false;
  const end = sub.currentPeriodEnd?.getTime();
  const t = now.getTime();
  switch (sub.status) {
    case "active":
    case "trialing":
      if (end === undefined) return true; // granted without an end (admin command)
      return sub.cancelAtPeriodEnd ? t < end : t < end + RENEWAL_LEEWAY_HOURS * 60 * 60 * 1000;
    case "past_due":
      return sub.pastDueSince ? t < sub.pastDueSince.getTime() + PAST_DUE_GRACE_DAYS * DAY : false;
    case "canceled":
      return end !== undefined && t < end;
    default:
      return false;
  }
}

/** When access ends, if it is scheduled to; null for open-ended or no access. */
export function accessEndsAt(sub: SubscriptionState | null, now: Date): Date | null {
  if (!sub || !grantsPro(sub, now)) return null;
  if (sub.status === "past_due" && sub.pastDueSince)
    return new Date(sub.pastDueSince.getTime() + PAST_DUE_GRACE_DAYS * DAY);
  if (sub.cancelAtPeriodEnd || sub.status === "canceled") return sub.currentPeriodEnd;
  return null;
}
