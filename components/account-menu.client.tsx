"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";

type Viewer = { email: string } | null;

/**
 * The visitor's session from better-auth's own endpoint. A plain fetch rather than better-auth's
 * React client, which would put its whole client library in every page's JavaScript for one read.
 */
async function fetchViewer(): Promise<Viewer> {
  const response = await fetch("/api/auth/get-session", { credentials: "same-origin", cache: "no-store" });
  if (!response.ok) return null;
  const body = (await response.json()) as { user?: { email?: string } } | null;
  return body?.user?.email ? { email: body.user.email } : null;
}

const link = "text-sm text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white";

/**
 * Account state in the (static) header, fetched per visitor in the browser. Every state renders
 * inside the same fixed-size slot, so the session arriving after load moves nothing on the page.
 * Phones get "Sign in" only (sign-up is one link away from there).
 */
export function AccountMenu() {
  const pathname = usePathname();
  const [viewer, setViewer] = useState<Viewer | undefined>(undefined);
  // Read again on every navigation: signing in or out ends in a client-side navigation.
  useEffect(() => {
    let cancelled = false;
    fetchViewer().then(
      (next) => !cancelled && setViewer(next),
      () => !cancelled && setViewer(null),
    );
    return () => {
      cancelled = true;
    };
  }, [pathname]);
  return (
    <div className="flex h-8 w-16 shrink-0 items-center justify-end sm:w-36" data-testid="account-slot">
      {viewer === undefined ? null : viewer ? (
        <Link
          href="/account"
          className={`${link} block max-w-full truncate`}
          title={viewer.email}
          data-testid="account-link"
        >
          <span className="sm:hidden">Account</span>
          <span className="hidden sm:inline">{viewer.email}</span>
        </Link>
      ) : (
        <span className="flex items-center gap-3 whitespace-nowrap">
          <Link href="/sign-in" className={link}>
            Sign in
          </Link>
          <Link
            href="/sign-up"
            className="hidden rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 sm:inline-block"
          >
            Sign up
          </Link>
        </span>
      )}
    </div>
  );
}
