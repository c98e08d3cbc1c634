// Pipelines by name, as pySigma users pick them (`sigma convert -p microsoft_xdr`). Our pipeline
// is offered under pySigma's name only where it does the same job; pySigma pipelines we have no
// equivalent for are refused by name with the reason, and `none` keeps raw field names.
import { BackendError } from "@/lib/sigma/backends/errors";
import { loadPipelines, type Pipeline } from "@/lib/sigma/backends/pipeline";
import { TARGETS, type Target } from "@/lib/sigma/backends/types";

/** pySigma pipeline name -> ours. */
export const PYSIGMA_NAMES: Record<string, string> = {
  microsoft_xdr: "kql_defender_xdr",
  microsoft_365_defender: "kql_defender_xdr",
  azure_monitor: "kql_sentinel",
  splunk_cim: "splunk_cim",
  ecs_windows: "ecs_windows",
  secops_udm: "secops_udm",
  crowdstrike_falcon: "crowdstrike_falcon",
};

/** pySigma pipelines with no equivalent here, and why. */
export const NOT_OFFERED: Record<string, string> = {
  sentinel_asim:
    "pySigma's sentinel_asim targets ASIM parser functions (imProcessCreate, ...); ours map to Sentinel and Defender tables: use azure_monitor or microsoft_xdr",
  splunk_windows:
    "pySigma's splunk_windows searches raw Windows event logs by source and EventCode; ours maps to CIM data models: use splunk_cim",
  splunk_sysmon_acceleration:
    "pySigma's splunk_sysmon_acceleration targets a Sysmon add-on accelerated model we do not map; use splunk_cim",
  ecs_zeek_beats: "pySigma's ecs_zeek_beats maps Zeek logs, which no pipeline here covers",
  ecs_zeek_corelight: "pySigma's ecs_zeek_corelight maps Zeek logs, which no pipeline here covers",
  windows_audit: "pySigma's windows_audit only adds Windows audit-policy checks; it has no query mapping",
};

/** Which pipeline each target uses when none is named (the first whose entries match). */
export function defaultPipelines(target: Target): string[] {
  return loadPipelines()
    .filter((p) => p.targets.includes(target))
    .map((p) => p.name);
}

// Raw field names and no log source mapping, as pySigma gives without a pipeline. EQL reads
// every category (`any`) and ES|QL every index (`*`), as pySigma's Elastic backends do.
const NONE: Pipeline = {
  name: "none",
  description: "Raw Sigma field names, no log source mapping",
  order: 0,
  targets: [...TARGETS],
  default_source: { eql: "any", esql: "*" },
  fields: {},
  entries: [],
};

export const PIPELINE_NAMES = ["none", ...Object.keys(PYSIGMA_NAMES)];

/** The pipelines for `--pipeline name` on a target, or a refusal that says why. */
export function namedPipelines(name: string, target: Target): Pipeline[] {
  if (name === "none") {
    if (target === "kql")
      throw new BackendError(
        target,
        "KQL needs a table name, which only a pipeline gives; pick microsoft_xdr or azure_monitor",
      );
    return [NONE];
  }
  if (NOT_OFFERED[name]) throw new BackendError(target, NOT_OFFERED[name]);
  const ours = PYSIGMA_NAMES[name] ?? name;
  const pipeline = loadPipelines().find((p) => p.name === ours);
  if (!pipeline)
    throw new BackendError(
      target,
      `unknown pipeline "${name}"; known: ${[...PIPELINE_NAMES, ...Object.keys(NOT_OFFERED)].join(", ")}`,
    );
  if (!pipeline.targets.includes(target))
    throw new BackendError(target, `pipeline "${name}" is for ${pipeline.targets.join(", ")}, not ${target}`);
  return [pipeline];
}
