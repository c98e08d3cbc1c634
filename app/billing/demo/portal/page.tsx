import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Button } from "@/components/form";
import { DemoBanner } from "@/components/billing/demo-banner";
import { checkProAccess } from "@/lib/access/caller";
import { billingConfig } from "@/lib/billing/config";
import { setDemoCancelAtPeriodEnd } from "../actions";

export const metadata: Metadata = { title: "Manage demo subscription", robots: { index: false } };
export const dynamic = "force-dynamic";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "no end date");

export default async function DemoPortalPage() {
  if (billingConfig().mode !== "demo") notFound();
  const gate = await checkProAccess();
  if (gate.state === "anonymous") redirect("/sign-in?next=/account");
  const { subscription: sub, plan, endsAt } = gate.entitlement;
  if (!sub || sub.source !== "local") redirect("/account");
  const active = plan === "pro";

  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Manage demo subscription</h1>
      <DemoBanner />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800">
        <dt className="text-slate-600 dark:text-slate-400">Status</dt>
        <dd data-testid="portal-status">
          {!active ? "ended" : sub.cancelAtPeriodEnd ? "canceled, access until period end" : "active"}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">
          {sub.cancelAtPeriodEnd || !active ? "Access ends" : "Renews"}
        </dt>
        <dd data-testid="portal-period">{day(endsAt ?? sub.currentPeriodEnd)}</dd>
      </dl>
      {active && (
        <form action={setDemoCancelAtPeriodEnd}>
          <input type="hidden" name="cancel" value={sub.cancelAtPeriodEnd ? "false" : "true"} />
          <Button type="submit" variant={sub.cancelAtPeriodEnd ? "primary" : "danger"}>
            {sub.cancelAtPeriodEnd ? "Keep my subscription" : "Cancel subscription"}
          </Button>
          {!sub.cancelAtPeriodEnd && (
            <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
              You keep Pro until {day(sub.currentPeriodEnd)}; nothing renews after that.
            </p>
          )}
        </form>
      )}
      <p>
        <Link href="/account" className="text-brand-700 underline dark:text-brand-300">
          Back to your account
        </Link>
      </p>
    </div>
  );
}
