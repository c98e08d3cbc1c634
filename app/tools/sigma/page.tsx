import type { Metadata } from "next";
import { SigmaConverter } from "@/app/tools/sigma/sigma-converter.client";
import { PIPELINE_NAMES } from "@/lib/sigma/backends/named-pipelines";
import { TARGETS } from "@/lib/sigma/backends/types";
import { backends } from "@/lib/sigma/backends/convert";

export const metadata: Metadata = {
  title: "Sigma converter",
  description:
    "Validate a Sigma rule, convert it to Splunk SPL, KQL, Elastic Lucene, ES|QL, EQL, Google SecOps YARA-L 2.0 and CrowdStrike LogScale, and test it against your own events.",
  alternates: { canonical: "/tools/sigma" },
};

export default function SigmaToolPage() {
  const labels = TARGETS.map((t) => backends[t].label);
  return (
    <div className="max-w-5xl min-w-0 space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Sigma converter</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Paste or upload a Sigma rule to validate it and get the query for {labels.join(", ")}. Field names
          follow each platform&apos;s schema (ECS, Defender XDR and Sentinel tables, Splunk CIM, SecOps UDM,
          Falcon sensor events). Add sample events (JSON or one JSON object per line) to see which ones the
          rule matches. Rules are processed on our server and not stored.
        </p>
      </header>
      <SigmaConverter pipelines={PIPELINE_NAMES} />
    </div>
  );
}
