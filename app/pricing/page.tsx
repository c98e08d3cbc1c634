import type { Metadata } from "next";
import Link from "next/link";
import { getCatalog } from "@/lib/content/catalog";

export const metadata: Metadata = {
  title: "Pricing",
  description: "Detection Atlas Free and Pro: what each plan includes.",
  alternates: { canonical: "/pricing" },
};

export default function PricingPage() {
  const { proSections, techniques } = getCatalog();
  const withPro = techniques.filter((t) => t.proSections.length > 0).length;
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">Pricing</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Every detection query, Sigma rule and test description is free. Pro adds the material you need once a
        detection fires, for {withPro} techniques today.
      </p>
      <h2 className="mt-8 text-xl font-semibold">What Pro unlocks</h2>
      <ul className="mt-3 space-y-3" data-testid="pro-features">
        {proSections.map((s) => (
          <li key={s.id}>
            <span className="font-medium">{s.name}</span>
            <span className="block text-sm text-slate-700 dark:text-slate-300">{s.contains}</span>
          </li>
        ))}
      </ul>
      <p className="mt-8">
        <Link
          href="/sign-up"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Create a free account
        </Link>
      </p>
    </div>
  );
}
