import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";
import { checkProAccess } from "@/lib/access/caller";
import { Button } from "@/components/form";
import { AccountActions } from "./account-actions.client";
import { ApiKeys } from "./api-keys";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };
export const dynamic = "force-dynamic";

function formatDate(date: Date | null) {
  return date ? date.toISOString().slice(0, 10) : null;
}

export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const { checkout } = await searchParams;
  const gate = await checkProAccess();
  if (gate.state === "anonymous") redirect("/sign-in?next=/account");
  const { viewer, entitlement } = gate;
  const [sessions, current] = await Promise.all([
    getAuth().api.listSessions({ headers: await headers() }),
    getAuth().api.getSession({ headers: await headers() }),
  ]);
  const { subscription, endsAt } = entitlement;
  const pro = entitlement.plan === "pro";
  // Admin grants have nothing to manage; Stripe and demo subscriptions do, even after they end.
  const manageable =
    subscription !== null &&
    (subscription.source === "local" ||
      (subscription.source === "stripe" && subscription.status !== "incomplete"));

  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">Your account</h1>
      <section
        aria-labelledby="profile-title"
        className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      >
        <h2 id="profile-title" className="mb-3 font-semibold">
          Profile and plan
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-slate-600 dark:text-slate-400">Email</dt>
          <dd data-testid="account-email">{viewer.email}</dd>
          <dt className="text-slate-600 dark:text-slate-400">Plan</dt>
          <dd data-testid="account-plan">{pro ? "Pro" : "Free"}</dd>
          <dt className="text-slate-600 dark:text-slate-400">Status</dt>
          <dd data-testid="account-status">
            {subscription ? subscription.status.replace("_", " ") : "no subscription"}
            {subscription?.source === "admin" && " (granted by an administrator)"}
          </dd>
          {pro && (
            <>
              <dt className="text-slate-600 dark:text-slate-400">{endsAt ? "Access ends" : "Renews"}</dt>
              <dd data-testid="account-period">
                {formatDate(endsAt ?? subscription?.currentPeriodEnd ?? null) ?? "no end date"}
              </dd>
            </>
          )}
        </dl>
        {checkout === "success" && (
          <p role="status" className="mt-3 text-sm text-emerald-800 dark:text-emerald-300">
            {pro
              ? "Welcome to Pro: every Pro section is now open to you."
              : "Thank you: your payment is being confirmed, Pro opens as soon as it is (reload in a moment)."}
          </p>
        )}
        <div className="mt-4 flex flex-wrap items-center gap-4">
          {manageable && (
            <form action="/api/billing/portal" method="post">
              <Button type="submit" variant="secondary">
                Manage subscription
              </Button>
            </form>
          )}
          {!pro && (
            <Link
              href="/pricing"
              className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
            >
              Upgrade to Pro
            </Link>
          )}
        </div>
      </section>

      <section
        aria-labelledby="sessions-title"
        className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      >
        <h2 id="sessions-title" className="mb-3 font-semibold">
          Signed-in sessions
        </h2>
        <ul className="space-y-2 text-sm" data-testid="sessions">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap justify-between gap-2">
              <span className="max-w-md truncate">{s.userAgent ?? "Unknown browser"}</span>
              <span className="text-slate-600 dark:text-slate-400">
                {s.ipAddress ?? "unknown address"} · since {formatDate(s.createdAt)}
                {s.id === current?.session.id && " · this session"}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <ApiKeys gate={gate} />

      <AccountActions />
    </div>
  );
}
