"use client";

import Link from "next/link";
import { authClient } from "@/lib/auth/client";

/** Account state in the (static) header, fetched per visitor in the browser. */
export function AccountMenu() {
  const { data, isPending } = authClient.useSession();
  if (isPending) return <span className="w-16" aria-hidden="true" />;
  const link = "text-sm text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white";
  if (!data)
    return (
      <span className="flex items-center gap-3">
        <Link href="/sign-in" className={link}>
          Sign in
        </Link>
        <Link
          href="/sign-up"
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
        >
          Sign up
        </Link>
      </span>
    );
  return (
    <Link href="/account" className={link} data-testid="account-link">
      {data.user.email}
    </Link>
  );
}
