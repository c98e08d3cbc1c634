import path from "node:path";
import { describe, expect, it } from "vitest";
import type { QueryItem } from "@/lib/verify/extract";
import type { QueryLanguage } from "@/lib/content/schema";
import { loadRegistries, type NamePlatform, type Registry } from "@/lib/verify/names/registry";
import { PLATFORM_OF, resolveNames } from "@/lib/verify/names/resolve";
import { nameCounts } from "@/lib/verify/names/counts";
import { nearest } from "@/lib/verify/names/nearest";

function registry(
  platform: NamePlatform,
  spec: { tables?: string[]; fields?: string[]; values?: Record<string, string[]> },
): Registry {
  return {
    platform,
    tables: new Set(spec.tables ?? []),
    fields: new Set(spec.fields ?? []),
    values: new Map(Object.entries(spec.values ?? {}).map(([k, v]) => [k, new Set(v)])),
    open: [],
    sources: [],
  };
}

const real = loadRegistries(path.join(process.cwd(), "content"));
const fixtures: Record<NamePlatform, Registry> = {
  elastic: real.elastic,
  kusto: registry("kusto", {
    tables: ["IdentityDirectoryEvents"],
    values: {
      "IdentityDirectoryEvents.ActionType": [
        "Directory Services replication",
        "Group Membership changed",
        "Account Password changed",
      ],
    },
  }),
  splunk: registry("splunk", {
    tables: ["Endpoint.Processes"],
    fields: ["Processes.process_name", "Processes.process", "Processes.dest", "Processes.user", "_time"],
  }),
  secops: registry("secops", {
    fields: [
      "metadata.event_type",
      "target.process.command_line",
      "target.process.file.full_path",
      "principal.hostname",
    ],
    values: { "metadata.event_type": ["PROCESS_LAUNCH", "NETWORK_CONNECTION"] },
  }),
  logscale: registry("logscale", {
    fields: ["#event_simpleName", "CommandLine", "ImageFileName", "aid", "ComputerName", "@timestamp"],
    values: { "#event_simpleName": ["ProcessRollup2", "NetworkConnectIP4", "DnsRequest"] },
  }),
};

/** A query as it sits in a file: text starting on line 10, indented by 2 (a YAML block scalar). */
function item(language: QueryLanguage, text: string, base?: string): QueryItem {
  return {
    file: "techniques/T0000/detections/x.mdx",
    field: base ? "tuning[0].exclusion" : "query",
    language,
    text,
    line: 10,
    indent: 2,
    base,
  };
}

function unknown(language: QueryLanguage, text: string, base?: string) {
  return resolveNames(item(language, text, base), fixtures[PLATFORM_OF[language]]).unknown;
}

describe("name resolution", () => {
  it("EQL: an invented ECS field is reported at its line and column with the nearest ECS fields", () => {
    const found = unknown("eql", 'process where event.type == "start" and\n  process.comand_line : "*x*"');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: "process.comand_line", line: 11, column: 5 });
    expect(found[0]?.suggestions[0]).toBe("process.command_line");
  });

  it("EQL: an event category and event.type value outside ECS's allowed values are reported", () => {
    const found = unknown("eql", 'proces where event.type == "strat"');
    expect(found.map((f) => f.name)).toEqual(["proces", "strat"]);
    expect(found[0]?.suggestions).toContain("process");
    expect(found[1]?.suggestions).toContain("start");
  });

  it("ES|QL: columns made by EVAL and STATS are not unknown; an unknown index pattern is", () => {
    const text =
      "FROM logs-endpoint.events.proces-*\n| EVAL cmd = TO_LOWER(process.command_line)\n| STATS n = COUNT(*) BY host.name, cmd\n| WHERE n > 3";
    const found = unknown("esql", text);
    expect(found.map((f) => [f.name, f.line, f.column])).toEqual([["logs-endpoint.events.proces-*", 10, 8]]);
    expect(found[0]?.suggestions).toContain("logs-endpoint.events.process-*");
  });

  it("SPL: a data-model field the dataset lacks is reported; eval outputs and renamed fields resolve", () => {
    const text = [
      '| tstats count FROM datamodel=Endpoint.Processes WHERE Processes.process_nme="a.exe" BY Processes.dest Processes.user',
      "| rename Processes.* AS *",
      "| eval cmd=lower(process)",
      "| table dest user cmd count",
    ].join("\n");
    const found = unknown("spl", text);
    expect(found.map((f) => f.name)).toEqual(["Processes.process_nme"]);
    expect(found[0]).toMatchObject({ line: 10, column: 58 });
    expect(found[0]?.suggestions[0]).toBe("Processes.process_name");
  });

  it("SPL: lookup outputs are created, lookup columns are not fields, and inputlookup subsearches are the file's own", () => {
    const base =
      "| tstats count FROM datamodel=Endpoint.Processes BY Processes.dest Processes.user\n| rename Processes.* AS *";
    expect(
      unknown("spl", "| lookup allow.csv host AS dest OUTPUT approved AS ok | where isnull(ok)", base),
    ).toEqual([]);
    expect(
      unknown("spl", "| search NOT [| inputlookup hosts.csv | rename host_pattern AS dest | format]", base),
    ).toEqual([]);
    expect(unknown("spl", "| lookup allow.csv host AS dst OUTPUT approved", base).map((f) => f.name)).toEqual(
      ["dst"],
    );
    const outside =
      "| search NOT [| inputlookup hosts.csv | rename host_pattern AS dst | format] | where dst=1";
    expect(unknown("spl", outside, base).map((f) => f.name)).toEqual(["dst"]);
  });

  it("YARA-L: an invented UDM path and a metadata.event_type value are reported", () => {
    const text =
      'rule r {\n  meta:\n    author = "x"\n  events:\n    $p.metadata.event_type = "PROCESS_START"\n    $p.target.process.comandline = /x/\n  condition:\n    $p\n}';
    const found = unknown("yara-l", text);
    expect(found.map((f) => [f.name, f.line])).toEqual([
      ["PROCESS_START", 14],
      ["target.process.comandline", 15],
    ]);
    expect(found[0]?.suggestions[0]).toBe("PROCESS_LAUNCH");
    expect(found[1]?.suggestions[0]).toBe("target.process.command_line");
  });

  it("LogScale: event names inside a regex of alternatives and invented fields are reported; := and as= outputs resolve", () => {
    const text =
      '#event_simpleName=/^(ProcessRollup2|DnsReqest)$/\n| Signal := "x"\n| groupBy([aid, Signal], function=[count(as=Events)])\n| Events > 1 | CmdLine=/x/';
    const found = unknown("logscale", text);
    expect(found.map((f) => [f.name, f.line, f.column])).toEqual([
      ["DnsReqest", 10, 39],
      ["CmdLine", 13, 18],
    ]);
    expect(found[0]?.suggestions[0]).toBe("DnsRequest");
    expect(found[1]?.suggestions[0]).toBe("CommandLine");
  });

  it("LogScale: ipLocation() adds the country and city of the field it is given", () => {
    expect(
      unknown(
        "logscale",
        "#event_simpleName=ProcessRollup2 | ipLocation(aid) | groupBy([aid.country, aid.city])",
      ),
    ).toEqual([]);
    expect(
      unknown("logscale", "#event_simpleName=ProcessRollup2 | groupBy([aid.country])").map((f) => f.name),
    ).toEqual(["aid.country"]);
  });

  it("KQL: an ActionType the table never writes is reported with the documented values", () => {
    const found = unknown(
      "kql",
      'IdentityDirectoryEvents\n| where ActionType in ("Directory Services replication", "Permissions changed")',
    );
    expect(found.map((f) => [f.name, f.line, f.column])).toEqual([["Permissions changed", 11, 61]]);
    expect(found[0]?.suggestions).toHaveLength(3);
  });

  it("an exclusion may name what its detection query creates", () => {
    const base =
      "FROM logs-endpoint.events.process-*\n| STATS hosts = COUNT_DISTINCT(host.name) BY process.name";
    expect(unknown("esql", "| WHERE hosts < 5", base)).toEqual([]);
    expect(unknown("esql", "| WHERE hostz < 5", base).map((f) => f.name)).toEqual(["hostz"]);
  });

  it("clean queries in every language pass", () => {
    expect(
      unknown(
        "eql",
        'sequence by host.id with maxspan=1m\n  [process where event.type == "start" and process.name : "a.exe"]\n  [file where file.Ext.entropy > 7]',
      ),
    ).toEqual([]);
    expect(
      unknown(
        "spl",
        '| tstats count FROM datamodel=Endpoint.Processes WHERE Processes.process_name="a.exe" BY Processes.dest',
      ),
    ).toEqual([]);
    expect(
      unknown(
        "yara-l",
        'rule r {\n  events:\n    $p.metadata.event_type = "PROCESS_LAUNCH"\n  condition:\n    $p\n}',
      ),
    ).toEqual([]);
    expect(
      unknown("logscale", "#event_simpleName=ProcessRollup2 | groupBy([aid], function=count(as=n)) | n > 2"),
    ).toEqual([]);
    expect(
      unknown("kql", 'IdentityDirectoryEvents | where ActionType == "Group Membership changed"'),
    ).toEqual([]);
  });
});

describe("nearest", () => {
  it("orders by edit distance, ignoring case", () => {
    expect(nearest("processname", ["process.name", "ProcessName", "file.name"], 2)).toEqual([
      "ProcessName",
      "process.name",
    ]);
  });
});

describe("counts", () => {
  it("counts queries, resolved and unknown names per platform", () => {
    const counts = nameCounts(
      [item("eql", 'process where process.nme : "a"'), item("eql", 'process where process.name : "a"')],
      fixtures,
    );
    expect(counts.elastic).toEqual({ queries: 2, checked: 4, resolved: 3, unknown: 1 });
  });
});
