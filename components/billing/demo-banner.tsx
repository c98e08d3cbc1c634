/** Says plainly which billing mode runs: demo, which takes no payment. */
export function DemoBanner() {
  return (
    <p
      role="note"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <strong>Demo billing mode: no payment is taken; set up Stripe for production.</strong> This installation
      runs the demo billing (<code>BILLING_MODE=demo</code>, or development without Stripe keys), so no card
      is asked for. The subscription you start here is real inside this installation: it goes through the same
      subscription and entitlement code as a Stripe payment.
    </p>
  );
}
