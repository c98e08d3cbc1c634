import Link from "next/link";
import { AccountMenu } from "@/components/account-menu.client";
import { ThemeToggle } from "@/components/theme-toggle.client";
import { routes } from "@/lib/routes";

const NAV: Array<{ href: string; label: React.ReactNode; prefetch?: false }> = [
  { href: routes.techniques(), label: "Techniques" },
  { href: routes.platforms(), label: "Platforms" },
  // No prefetch: the matrix is the largest page and most visitors never open it.
  { href: routes.matrix(), label: "Matrix", prefetch: false },
  { href: routes.search(), label: "Search" },
  {
    href: routes.sigmaConverter(),
    label: (
      <>
        Sigma<span className="sr-only"> converter</span>
      </>
    ),
  },
  { href: routes.pricing(), label: "Pricing" },
];

const link = "text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white";

/**
 * One row at every width, of one fixed height: below lg the links fold into a menu (a <details>,
 * so it works without JavaScript) that opens over the page instead of pushing it down, and the
 * per-visitor parts (account, theme) sit in slots whose size does not depend on their state.
 * Under 420 px the wordmark is left to screen readers and the mark alone names the site.
 */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:gap-5">
        <Link
          href={routes.home()}
          className="mr-auto flex shrink-0 items-center gap-2 font-semibold tracking-tight whitespace-nowrap lg:mr-0"
        >
          <span
            aria-hidden="true"
            className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white"
          >
            DA
          </span>
          <span className="max-[419px]:sr-only">Detection Atlas</span>
        </Link>
        <nav
          aria-label="Main"
          className="hidden min-w-0 flex-1 items-center gap-4 text-sm whitespace-nowrap lg:flex"
        >
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} prefetch={item.prefetch} className={link}>
              {item.label}
            </Link>
          ))}
        </nav>
        <details className="group relative lg:hidden">
          <summary className="flex h-8 cursor-pointer list-none items-center rounded-md border border-slate-300 px-2.5 text-sm text-slate-700 dark:border-slate-700 dark:text-slate-200 [&::-webkit-details-marker]:hidden">
            Menu
          </summary>
          <nav
            aria-label="Main"
            className="absolute right-0 mt-2 flex w-48 flex-col rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
          >
            {NAV.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                prefetch={item.prefetch}
                className={`${link} px-3 py-2 hover:bg-slate-50 dark:hover:bg-slate-800`}
              >
                {item.label}
              </Link>
            ))}
          </nav>
        </details>
        {/* Works without JavaScript: a plain GET to the search page, which runs the query. */}
        <form action={routes.search()} role="search" className="hidden shrink-0 xl:block">
          <label htmlFor="header-search" className="sr-only">
            Search the site
          </label>
          <input
            id="header-search"
            name="q"
            type="search"
            placeholder="Search: lsass, T1003, 4688…"
            className="w-52 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
          />
        </form>
        <AccountMenu />
        <ThemeToggle />
      </div>
    </header>
  );
}
