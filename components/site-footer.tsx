import Link from "next/link";
import { feedPaths } from "@/lib/feeds/paths";
import { LICENCE } from "@/lib/licence";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 dark:border-slate-800">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-8 text-sm text-slate-600 dark:text-slate-400">
        <p>
          Detection content written by the Detection Atlas team. Technique data from MITRE ATT&CK®, © The
          MITRE Corporation, used under its terms of use.
        </p>
        <p>
          Rules under the <a href={LICENCE.rules.url}>{LICENCE.rules.name}</a>, prose under{" "}
          <a href={LICENCE.content.url}>{LICENCE.content.name}</a> (
          <Link href="/docs/api#licence">licence</Link>).
        </p>
        <nav aria-label="For pipelines" className="flex flex-wrap gap-4">
          <Link href="/docs/api">API and exports</Link>
          <a href={feedPaths.rss}>RSS</a>
          <a href={feedPaths.atom}>Atom</a>
          <a href={feedPaths.json}>JSON Feed</a>
        </nav>
      </div>
    </footer>
  );
}
