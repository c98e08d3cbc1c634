import Link from "next/link";
import { AccountMenu } from "@/components/account-menu.client";
import { ThemeToggle } from "@/components/theme-toggle.client";
import { routes } from "@/lib/routes";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
        <Link href={routes.home()} className="flex items-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden="true"
            className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white"
          >
            DA
          </span>
          Detection Atlas
        </Link>
        <nav aria-label="Main" className="flex flex-1 items-center gap-4 text-sm">
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
          <Link
            href={routes.sigmaConverter()}
            className="text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
          >
            <span className="sm:hidden">Sigma</span>
            <span className="hidden sm:inline">Sigma converter</span>
          </Link>
          <Link
            href={routes.pricing()}
            className="text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
          >
            Pricing
          </Link>
        </nav>
        <AccountMenu />
        <ThemeToggle />
      </div>
    </header>
  );
}
