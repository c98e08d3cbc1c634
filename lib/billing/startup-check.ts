// Run once when the server boots (instrumentation.ts): a server whose billing mode cannot be
// decided exits with the reason instead of starting. Next only logs an error thrown from
// register(), and the site would then fail request by request, so exiting is the refusal.
import { billingConfig, BillingConfigError } from "@/lib/billing/config";

export function refuseToStartWithoutBillingMode(): void {
  try {
    const { mode } = billingConfig();
    if (mode === "demo")
      console.warn(
        "billing: demo billing mode: no payment is taken and anyone signed in can start Pro; set up Stripe for production",
      );
  } catch (error) {
    if (!(error instanceof BillingConfigError)) throw error;
    console.error(`\nDetection Atlas will not start: ${error.message}\n`);
    process.exit(1);
  }
}
