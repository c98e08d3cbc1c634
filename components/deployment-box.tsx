import type { Deployment } from "@/lib/content/deployment";
import { DEFENDER_LOOKBACK } from "@/lib/content/deployment";

const KIND_LABELS: Record<Deployment["kind"], string> = {
  "defender-custom-detection": "Defender XDR custom detection rule",
  "sentinel-scheduled": "Microsoft Sentinel scheduled analytics rule",
  "elastic-rule": "Elastic Security detection rule",
  "splunk-scheduled-search": "Splunk scheduled search (correlation search)",
  "secops-rule": "Google SecOps YARA-L rule",
  "logscale-scheduled-search": "Falcon LogScale scheduled search",
};

/** The settings to enter in the vendor's rule form, in the vendor's words. */
function settings(d: Deployment): Array<[string, string]> {
  switch (d.kind) {
    case "defender-custom-detection":
      return d.frequency === "0"
        ? [["Frequency", "Continuous (NRT)"]]
        : [
            ["Frequency", `Every ${d.frequency}`],
            ["Look-back", DEFENDER_LOOKBACK[d.frequency] ?? ""],
          ];
    case "sentinel-scheduled":
      return [
        ["Run query every", d.queryFrequency],
        ["Lookup data from the last", d.queryPeriod],
      ];
    case "elastic-rule":
      return [
        [
          "Rule type",
          { eql: "Event correlation (EQL)", esql: "ES|QL", query: "Custom query", threshold: "Threshold" }[
            d.type
          ],
        ],
        ["Runs every", d.interval],
        ["Additional look-back time", d.lookback],
      ];
    case "splunk-scheduled-search":
      return [
        ["Cron schedule", d.cron],
        ["Earliest time", d.earliest],
        ["Latest time", d.latest],
      ];
    case "secops-rule":
      return [["Run frequency", d.runFrequency === "live" ? "Live (real time)" : `Every ${d.runFrequency}`]];
    case "logscale-scheduled-search":
      return [
        ["Runs every", d.interval],
        ["Search window", d.searchWindow],
      ];
  }
}

/** How the query is deployed on its platform, with the settings to use. */
export function DeploymentBox({ deployment }: { deployment: Deployment }) {
  return (
    <div
      className="mt-3 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800"
      data-testid="deployment"
    >
      <h3 className="font-medium">Deploy as: {KIND_LABELS[deployment.kind]}</h3>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {settings(deployment).map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="font-mono text-xs leading-5">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
