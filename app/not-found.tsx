import Link from "next/link";
import { routes } from "@/lib/routes";

export default function NotFound() {
  return (
    <div className="max-w-2xl">
      <p className="font-mono text-sm text-slate-600 dark:text-slate-400">404</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">We have no page here</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        The technique or detection you asked for is not in the atlas, or the address is mistyped. Technique
        pages live at addresses such as <code className="font-mono">/techniques/T1059.001</code>, and a
        platform&apos;s detection at <code className="font-mono">/techniques/T1059.001/splunk</code>.
      </p>
      <ul className="mt-6 list-disc space-y-1 pl-5">
        <li>
          <Link className="underline underline-offset-2" href={routes.techniques()}>
            Browse techniques by tactic
          </Link>
        </li>
        <li>
          <Link className="underline underline-offset-2" href={routes.platforms()}>
            Browse detections by platform
          </Link>
        </li>
        <li>
          <Link className="underline underline-offset-2" href={routes.home()}>
            Go to the home page
          </Link>
        </li>
      </ul>
    </div>
  );
}
