import type { TechniqueTest } from "@/lib/content/schema";

const EXECUTOR_LABEL: Record<string, string> = {
  windows: "Windows",
  linux: "Linux",
  macos: "macOS",
  azure: "Azure",
  aws: "AWS",
  gcp: "Google Cloud",
  m365: "Microsoft 365",
  "entra-id": "Entra ID",
  saas: "SaaS",
};

/** Public test methodology: behaviour and expected telemetry. Commands and cleanup are Pro. */
export function TestList({ tests }: { tests: TechniqueTest[] }) {
  return (
    <ol className="space-y-4" data-testid="tests">
      {tests.map((test, i) => (
        <li
          key={test.id}
          id={`test-${test.id}`}
          className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
        >
          <h3 className="font-medium">
            <span className="mr-2 text-slate-600 dark:text-slate-400">Test {i + 1}</span>
            {test.name}
          </h3>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Runs on {EXECUTOR_LABEL[test.executor_platform] ?? test.executor_platform}
            {test.atomic ? (
              <>
                {" · "}Atomic Red Team{" "}
                <a
                  className="font-mono underline underline-offset-2"
                  href={`https://github.com/redcanaryco/atomic-red-team/blob/master/atomics/${test.atomic.technique}/${test.atomic.technique}.md`}
                >
                  {test.atomic.technique}-{test.atomic.number}
                </a>{" "}
                “{test.atomic.name}”
              </>
            ) : (
              " · Detection Atlas test (no Atomic Red Team equivalent)"
            )}
          </p>
          <p className="mt-2 text-sm leading-relaxed">{test.behaviour}</p>
          <h4 className="mt-3 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
            Expected telemetry
          </h4>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {test.telemetry.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
