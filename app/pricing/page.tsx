import type { Metadata } from "next";
import Link from "next/link";
import { checkProAccess, type ProGate } from "@/lib/access/caller";
import { billingConfig, type BillingConfig } from "@/lib/billing/config";
import { PAST_DUE_GRACE_DAYS } from "@/lib/billing/entitlement-rules";
import { planComparison } from "@/lib/billing/plan-comparison";
import { getCatalog } from "@/lib/content/catalog";
import { Button } from "@/components/form";
import { socialImage } from "@/lib/social-cards";
import { DemoBanner } from "@/components/billing/demo-banner";

export const metadata: Metadata = {
  title: "Pricing",
  description: "Detection Atlas Free and Pro: what each plan includes, prices, and how billing works.",
  alternates: { canonical: "/pricing" },
  openGraph: { title: "Pricing", url: "/pricing", images: socialImage("pricing") },
};
// The call to action depends on who is looking.
export const dynamic = "force-dynamic";

const linkButton = "inline-block rounded-md px-4 py-2 text-sm font-medium";
const primary = `${linkButton} bg-brand-600 text-white hover:bg-brand-700`;

export default async function PricingPage({ searchParams }: PageProps<"/pricing">) {
  const catalog = getCatalog();
  const [gate, { checkout }] = await Promise.all([checkProAccess(), searchParams]);
  const config = billingConfig();
  const features = planComparison(catalog);

  return (
    <div className="max-w-4xl space-y-10">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Pricing</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Every detection query, Sigma rule and test description is free. Pro adds what you need once a
          detection fires: the response, the investigation, the hunt, the test commands and the tuning.
        </p>
        {checkout === "canceled" && (
          <p role="status" className="mt-3 text-sm text-slate-700 dark:text-slate-300">
            Checkout was canceled; nothing was charged.
          </p>
        )}
      </header>
      {config.mode === "demo" && <DemoBanner />}

      <div className="grid gap-4 md:grid-cols-2">
        <section
          aria-labelledby="plan-free"
          className="rounded-lg border border-slate-200 p-5 dark:border-slate-800"
        >
          <h2 id="plan-free" className="text-xl font-semibold">
            Free
          </h2>
          <p className="mt-1 text-2xl font-bold">$0</p>
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            Queries, Sigma rules and test descriptions for every technique. No account needed to read them.
          </p>
          <div className="mt-4">
            <FreeAction gate={gate} />
          </div>
        </section>
        <section
          aria-labelledby="plan-pro"
          className="rounded-lg border-2 border-brand-600 p-5 dark:border-brand-400"
          data-testid="plan-pro"
        >
          <h2 id="plan-pro" className="text-xl font-semibold">
            Pro
          </h2>
          <p className="mt-1">
            <span className="text-2xl font-bold" data-testid="price-monthly">
              {config.displayPrices.monthly}
            </span>{" "}
            per month, or{" "}
            <span className="font-semibold" data-testid="price-yearly">
              {config.displayPrices.yearly}
            </span>{" "}
            per year
          </p>
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            Everything in Free, plus the five Pro sections for every technique that has them.
          </p>
          <div className="mt-4">
            <ProAction gate={gate} config={config} />
          </div>
        </section>
      </div>

      <section aria-labelledby="compare-title">
        <h2 id="compare-title" className="text-xl font-semibold">
          Compare plans
        </h2>
        <table className="mt-3 w-full text-left text-sm" data-testid="plan-comparison">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="col" className="py-2 pr-4">
                Feature
              </th>
              <th scope="col" className="w-20 py-2 text-center">
                Free
              </th>
              <th scope="col" className="w-20 py-2 text-center">
                Pro
              </th>
            </tr>
          </thead>
          <tbody>
            {features.map((f) => (
              <tr key={f.name} className="border-b border-slate-100 align-top dark:border-slate-900">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <span className="font-medium">{f.name}</span>
                  <span className="block text-slate-700 dark:text-slate-300">{f.detail}</span>
                </th>
                <td className="py-2 text-center">{f.free ? <Included /> : <NotIncluded />}</td>
                <td className="py-2 text-center">{f.pro ? <Included /> : <NotIncluded />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="faq-title">
        <h2 id="faq-title" className="text-xl font-semibold">
          Questions
        </h2>
        <div className="mt-3 divide-y divide-slate-200 dark:divide-slate-800">
          {faq(config).map(([q, a]) => (
            <details key={q} className="py-3">
              <summary className="cursor-pointer font-medium">{q}</summary>
              <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{a}</p>
            </details>
          ))}
        </div>
      </section>
    </div>
  );
}

function Included() {
  return (
    <span className="font-semibold text-emerald-700 dark:text-emerald-400">
      <span aria-hidden="true">✓</span>
      <span className="sr-only">Included</span>
    </span>
  );
}

function NotIncluded() {
  return (
    <span className="text-slate-500">
      <span aria-hidden="true">–</span>
      <span className="sr-only">Not included</span>
    </span>
  );
}

function FreeAction({ gate }: { gate: ProGate }) {
  if (gate.state === "anonymous")
    return (
      <Link href="/sign-up" className={`${linkButton} border border-slate-300 dark:border-slate-700`}>
        Create a free account
      </Link>
    );
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      {gate.state === "free" ? "Your current plan." : "Included in Pro."}
    </p>
  );
}

function ProAction({ gate, config }: { gate: ProGate; config: BillingConfig }) {
  if (gate.state === "anonymous")
    return (
      <p className="text-sm">
        <Link href="/sign-up" className={primary}>
          Sign up to subscribe
        </Link>
        <span className="ml-3 text-slate-700 dark:text-slate-300">
          Have an account?{" "}
          <Link href="/sign-in?next=/pricing" className="text-brand-700 underline dark:text-brand-300">
            Sign in
          </Link>
        </span>
      </p>
    );
  if (gate.state === "pro")
    return (
      <form action="/api/billing/portal" method="post" className="flex items-center gap-3">
        <span className="text-sm font-medium">You have Pro.</span>
        <Button type="submit" variant="secondary">
          Manage subscription
        </Button>
      </form>
    );
  return (
    <div className="flex flex-wrap gap-2">
      {(["monthly", "yearly"] as const).map((interval) => (
        <form key={interval} action="/api/billing/checkout" method="post">
          <input type="hidden" name="interval" value={interval} />
          <Button type="submit" variant={interval === "monthly" ? "primary" : "secondary"}>
            Subscribe {interval} ({config.displayPrices[interval]})
          </Button>
        </form>
      ))}
    </div>
  );
}

function faq(config: BillingConfig): Array<[string, string]> {
  return [
    [
      "What stays free?",
      "Every technique page, every detection query on every platform, the Sigma rules, data sources, false positives, tuning notes and test descriptions. Free needs no account.",
    ],
    [
      "What exactly does Pro add?",
      "Response playbooks, investigation guides, hunting queries, runnable test commands with cleanup, and tuning guidance, written per technique. The table above counts how many techniques have each.",
    ],
    [
      "How do I cancel?",
      "From your account page, Manage subscription. Canceling stops the renewal; you keep Pro until the end of the period you paid for.",
    ],
    [
      "What happens if a payment fails?",
      `You keep Pro for ${PAST_DUE_GRACE_DAYS} days while the payment is retried. If it still fails, Pro ends; paying the open invoice restores it.`,
    ],
    [
      "Who handles my card?",
      config.mode === "stripe"
        ? "Stripe. Card details go to Stripe's hosted checkout and never reach our servers."
        : "Nobody: this installation runs the demo billing mode and takes no payment. With Stripe keys configured, Stripe's hosted checkout handles cards.",
    ],
    [
      "Can I switch between monthly and yearly?",
      "Yes, in Manage subscription. The change takes effect at the next renewal.",
    ],
  ];
}
