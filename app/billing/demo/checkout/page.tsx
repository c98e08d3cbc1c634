import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Button } from "@/components/form";
import { DemoBanner } from "@/components/billing/demo-banner";
import { checkProAccess } from "@/lib/access/caller";
import { billingConfig, isBillingInterval } from "@/lib/billing/config";
import { addInterval } from "@/lib/billing/local-billing";
import { startDemoSubscription } from "../actions";

export const metadata: Metadata = { title: "Demo checkout", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function DemoCheckoutPage({ searchParams }: PageProps<"/billing/demo/checkout">) {
  const config = billingConfig();
  if (config.mode !== "demo") notFound();
  const { interval } = await searchParams;
  if (!isBillingInterval(interval)) redirect("/pricing");
  const gate = await checkProAccess();
  if (gate.state === "anonymous") redirect("/sign-in?next=/pricing");
  if (gate.state === "pro") redirect("/account");
  const renews = addInterval(new Date(), interval).toISOString().slice(0, 10);

  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Demo checkout</h1>
      <DemoBanner />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800">
        <dt className="text-slate-600 dark:text-slate-400">Plan</dt>
        <dd>Detection Atlas Pro, {interval}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Price</dt>
        <dd>
          {config.displayPrices[interval]} per {interval === "monthly" ? "month" : "year"} (not charged)
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Account</dt>
        <dd>{gate.viewer.email}</dd>
        <dt className="text-slate-600 dark:text-slate-400">First renewal</dt>
        <dd>{renews}</dd>
      </dl>
      <form action={startDemoSubscription}>
        <input type="hidden" name="interval" value={interval} />
        <Button type="submit">Start demo subscription</Button>
      </form>
    </div>
  );
}
