import Link from "next/link";
import { AccountMenu } from "@/components/account-menu.client";
import { ThemeToggle } from "@/components/theme-toggle.client";
import { routes } from "@/lib/routes";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link
          href={routes.home()}
          className="mr-auto flex items-center gap-2 font-semibold tracking-tight md:mr-0"
        >
          <span
            aria-hidden="true"
            className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white"
          >
            DA
          </span>
          Detection Atlas
        </Link>
        <nav
          aria-label="Main"
          className="order-last flex w-full items-center gap-4 overflow-x-auto text-sm whitespace-nowrap md:order-none md:w-auto md:flex-1"
        >
          <Link
            href={routes.techniques()}
            className="text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
          >
            Techniques
          </Link>
          <Link
            href={routes.platforms()}
            className="text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
          >
            Platforms
          </Link>
          {/* No prefetch: the matrix payload is large and most visitors never open it. */}
          <Link
            href={routes.matrix()}
            prefetch={false}
            className="text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
          >
            Matrix
          </Link>
          <Link
            href={routes.search()}
            className="text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
          >
            Search
          </Link>
          <Link
            href={routes.sigmaConverter()}
            className="text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
          >
            <span className="xl:hidden">Sigma</span>
            <span className="hidden xl:inline">Sigma converter</span>
          </Link>
          <Link
            href={routes.pricing()}
            className="text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
          >
            Pricing
          </Link>
        </nav>
        {/* Works without JavaScript: a plain GET to the search page, which runs the query. */}
        <form action={routes.search()} role="search" className="hidden xl:block">
          <label htmlFor="header-search" className="sr-only">
            Search the site
          </label>
          <input
            id="header-search"
            name="q"
            type="search"
            placeholder="Search: lsass, T1003, 4688…"
            className="w-48 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
          />
        </form>
        <AccountMenu />
        <ThemeToggle />
      </div>
    </header>
  );
}
