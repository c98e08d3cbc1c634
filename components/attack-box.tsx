import type { Technique } from "@/lib/content/model";
import { attackUrl, tacticByShortName, tacticUrl } from "@/lib/attack/tactics";

/** The ATT&CK mapping: tactics, technique, sub-technique and the canonical MITRE link. */
export function AttackBox({ technique }: { technique: Technique }) {
  const tactics = technique.tactics.map((t) => tacticByShortName(t)).filter((t) => t !== undefined);
  const parentId = technique.parent ?? technique.id;
  const parentName = technique.parent_name ?? technique.name;
  return (
    <div
      className="rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800"
      data-testid="attack-box"
    >
      <h2 className="mb-3 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
        MITRE ATT&CK®
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
        <dt className="text-slate-600 dark:text-slate-400">{tactics.length > 1 ? "Tactics" : "Tactic"}</dt>
        <dd>
          {tactics.map((t, i) => (
            <span key={t.id}>
              {i > 0 && ", "}
              <a
                className="underline decoration-slate-300 underline-offset-2 hover:text-brand-700 dark:hover:text-brand-300"
                href={tacticUrl(t)}
              >
                {t.name}
              </a>{" "}
              <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{t.id}</span>
            </span>
          ))}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Technique</dt>
        <dd>
          <span className="font-mono">{parentId}</span> {parentName}
        </dd>
        {technique.parent && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Sub-technique</dt>
            <dd>
              <span className="font-mono">{technique.id}</span> {technique.name}
            </dd>
          </>
        )}
        <dt className="text-slate-600 dark:text-slate-400">ATT&CK version</dt>
        <dd>v{technique.attack_version}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Reference</dt>
        <dd className="break-all">
          <a
            className="text-brand-700 underline underline-offset-2 dark:text-brand-300"
            href={attackUrl(technique.id)}
          >
            {attackUrl(technique.id)}
          </a>
        </dd>
      </dl>
    </div>
  );
}
