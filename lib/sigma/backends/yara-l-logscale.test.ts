// The two backends for our SecOps and LogScale platforms: output per construct, and every name
// their pipelines use checked against the field registries in content/registry/fields.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { convertRule } from "@/lib/sigma/backends/convert";
import { loadPipelines } from "@/lib/sigma/backends/pipeline";
import type { Target } from "@/lib/sigma/backends/types";
import { parseSigma } from "@/lib/sigma/engine/parse";

const windows = { product: "windows", category: "process_creation" };

function result(
  detection: Record<string, unknown>,
  target: Target,
  logsource: Record<string, string> = windows,
) {
  const { rules, diagnostics } = parseSigma(stringify({ title: "T 1", level: "high", logsource, detection }));
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return convertRule(rules[0]!, target);
}
function convert(detection: Record<string, unknown>, target: Target, logsource?: Record<string, string>) {
  const r = result(detection, target, logsource);
  if ("error" in r) throw new Error(r.error);
  return r.query;
}
const events = (query: string) => /events:\n([\s\S]*?)\n\n {2}condition:/.exec(query)![1]!.trim();

describe("yara-l", () => {
  it("writes a complete rule: meta, events with metadata.event_type, condition", () => {
    const q = convert({ sel: { Image: "C:\\a.exe" }, condition: "sel" }, "yara-l");
    expect(q).toBe(
      [
        "rule t_1 {",
        "  meta:",
        '    title = "T 1"',
        '    severity = "HIGH"',
        "",
        "  events:",
        '    $e.metadata.event_type = "PROCESS_LAUNCH"',
        '    ($e.target.process.file.full_path = "C:\\\\a.exe" nocase)',
        "",
        "  condition:",
        "    $e",
        "}",
      ].join("\n"),
    );
  });
  it("uses nocase for Sigma's case-insensitive strings, none for |cased", () => {
    expect(
      events(convert({ sel: { "CommandLine|contains": "a/b.c" }, condition: "sel" }, "yara-l")),
    ).toContain("$e.target.process.command_line = /(?s)a\\/b\\.c/ nocase");
    expect(events(convert({ sel: { "CommandLine|cased": "Ab" }, condition: "sel" }, "yara-l"))).toContain(
      '$e.target.process.command_line = "Ab")',
    );
    expect(events(convert({ sel: { "Image|startswith": "C:\\x" }, condition: "sel" }, "yara-l"))).toContain(
      "= /(?s)^C:\\\\x/ nocase",
    );
  });
  it("writes regex flags inline, cidr, comparisons, exists and negation", () => {
    const q = events(
      convert(
        {
          sel: { "DestinationIp|cidr": "10.0.0.0/8", "DestinationPort|gt": 1024, "Image|exists": true },
          re: { "Image|re|i": "x/y" },
          condition: "sel and not re",
        },
        "yara-l",
        { product: "windows", category: "network_connection" },
      ),
    );
    expect(q).toContain('net.ip_in_range_cidr($e.target.ip, "10.0.0.0/8")');
    expect(q).toContain("$e.target.port > 1024");
    expect(q).toContain('$e.principal.process.file.full_path != ""');
    expect(q).toContain("not $e.principal.process.file.full_path = /(?is)x\\/y/");
  });
  it("ORs the event types of registry_event", () => {
    const q = events(
      convert({ sel: { TargetObject: "x" }, condition: "sel" }, "yara-l", {
        product: "windows",
        category: "registry_event",
      }),
    );
    expect(q.split("\n")[0]).toBe(
      '$e.metadata.event_type = "REGISTRY_CREATION" or $e.metadata.event_type = "REGISTRY_MODIFICATION" or $e.metadata.event_type = "REGISTRY_DELETION"',
    );
  });
  it("refuses keywords, unmapped fields and fieldref other than equality, with the reason", () => {
    expect(result({ kw: ["evil"], condition: "kw" }, "yara-l")).toMatchObject({
      error: expect.stringMatching(/keyword/),
    });
    expect(result({ sel: { Nope: "x" }, condition: "sel" }, "yara-l")).toMatchObject({
      error: expect.stringMatching(/"Nope"/),
    });
    expect(
      result({ sel: { "Image|fieldref|startswith": "ParentImage" }, condition: "sel" }, "yara-l"),
    ).toMatchObject({
      error: expect.stringMatching(/only for equality/),
    });
  });
});

describe("logscale", () => {
  it("filters on #event_simpleName and event_platform, then the detection", () => {
    expect(convert({ sel: { "Image|endswith": "\\cmd.exe" }, condition: "sel" }, "logscale")).toBe(
      "#event_simpleName=ProcessRollup2\n| event_platform=Win\n| ImageFileName=/\\\\cmd\\.exe$/i",
    );
  });
  it("makes case-insensitive values /regex/i (= is case-sensitive) and keeps = for |cased exact", () => {
    const q = convert({ sel: { CommandLine: "a*b", "User|cased": "X\\*y" }, condition: "sel" }, "logscale");
    expect(q).toContain("CommandLine=/^a.*b$/id");
    expect(q).toContain('UserName="X\\*y"');
  });
  it("uses in() for several event names, != * for absent fields, cidr() and test()", () => {
    const q = convert({ sel: { TargetFilename: "x", "Image|exists": false }, condition: "sel" }, "logscale", {
      product: "windows",
      category: "file_event",
    });
    expect(q).toContain(
      'in(field="#event_simpleName", values=["NewExecutableWritten", "NewScriptWritten", "PeFileWritten", "GenericFileWritten"])',
    );
    expect(q).toContain("ContextImageFileName!=*");
    const n = convert({ sel: { "DestinationIp|cidr": "10.0.0.0/8" }, condition: "sel" }, "logscale", {
      product: "windows",
      category: "network_connection",
    });
    expect(n).toContain('cidr(RemoteAddressIP4, subnet="10.0.0.0/8")');
    expect(
      convert({ sel: { "CommandLine|fieldref": "ParentCommandLine" }, condition: "sel" }, "logscale"),
    ).toContain("test(lower(CommandLine) == lower(ParentCommandLine))");
  });
  it("searches keywords in @rawstring as a substring", () => {
    expect(convert({ kw: ["ev/il"], condition: "kw" }, "logscale")).toContain("@rawstring=/ev\\/il/i");
  });
  it("groups OR under AND and negates groups", () => {
    const q = convert(
      { a: { CommandLine: "x" }, b: { Image: ["p", "q"] }, condition: "a and not b" },
      "logscale",
    );
    expect(q.split("\n| ").at(-1)).toBe(
      "CommandLine=/^x$/i not (ImageFileName=/^p$/i or ImageFileName=/^q$/i)",
    );
  });
});

type Registry = { fields?: Record<string, unknown>; values?: Record<string, unknown[]>; open?: string[] };
const registry = (dir: string): Registry[] =>
  fs
    .readdirSync(path.join("content/registry/fields", dir))
    .filter((f) => f.endsWith(".yml"))
    .map((f) => parse(fs.readFileSync(path.join("content/registry/fields", dir, f), "utf8")) as Registry);

describe("pipeline names exist in the platform field registries", () => {
  const check = (target: Target, dir: string) => {
    const regs = registry(dir);
    const fields = new Set(regs.flatMap((r) => Object.keys(r.fields ?? {})));
    const open = regs.flatMap((r) => r.open ?? []);
    const known = (name: string) => fields.has(name) || open.some((o) => name.startsWith(`${o}[`));
    const values = (field: string) => new Set(regs.flatMap((r) => (r.values?.[field] ?? []).map(String)));
    const pipelines = loadPipelines().filter((p) => p.targets.includes(target));
    expect(pipelines.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const p of pipelines)
      for (const e of p.entries) {
        // CloudTrail keeps its JSON names; those are checked against the CloudTrail registry instead.
        for (const [sigma, name] of Object.entries({ ...p.fields, ...e.fields }))
          if (!known(name)) missing.push(`${p.name} ${sigma} -> ${name}`);
        for (const [field, v] of Object.entries(e.conditions ?? {})) {
          if (!known(field)) missing.push(`${p.name} condition field ${field}`);
          const allowed = values(field);
          for (const x of [v].flat())
            if (allowed.size && !allowed.has(String(x))) missing.push(`${p.name} ${field}=${x}`);
        }
      }
    expect(missing).toEqual([]);
  };
  it("secops_udm uses UDM paths and event types from udm.yml", () => check("yara-l", "secops"));
  it("crowdstrike_falcon uses Falcon fields and #event_simpleName values from logscale/", () =>
    check("logscale", "logscale"));
  it("CloudTrail under the package's Vendor. prefix: every record name of the AWS reference resolves", () => {
    const pkg = registry("logscale");
    const fields = new Set(pkg.flatMap((r) => Object.keys(r.fields ?? {})));
    const entry = loadPipelines()
      .find((p) => p.name === "crowdstrike_falcon")!
      .entries.find((e) => e.logsource.service === "cloudtrail")!;
    expect(entry.unmapped_prefix).toBe("Vendor.");
    const record = parse(
      fs.readFileSync("content/registry/fields/logscale/aws-cloudtrail.yml", "utf8"),
    ) as Registry;
    const missing = Object.keys(record.fields ?? {}).filter((f) => !fields.has(`Vendor.${f}`));
    expect(missing).toEqual([]);
  });
  it("every registry check can fail: an invented name is reported", () => {
    const fields = new Set(registry("secops").flatMap((r) => Object.keys(r.fields ?? {})));
    expect(fields.has("target.process.command_line")).toBe(true);
    expect(fields.has("target.process.commandline")).toBe(false);
  });
});

describe("Windows Security and System log sources", () => {
  const security = { product: "windows", service: "security" };
  const system = { product: "windows", service: "system" };
  it("yara-l: Security events by vendor and provider, event IDs as strings, logon fields in UDM", () => {
    const q = events(
      convert(
        { sel: { EventID: 4624, TargetUserName: "admin", "IpAddress|cidr": "10.0.0.0/8" }, condition: "sel" },
        "yara-l",
        security,
      ),
    );
    expect(q).toBe(
      [
        '$e.metadata.vendor_name = "Microsoft"',
        '    $e.metadata.product_name = "Microsoft-Windows-Security-Auditing"',
        '    ($e.metadata.product_event_type = "4624" and $e.target.user.userid = "admin" nocase and net.ip_in_range_cidr($e.principal.ip, "10.0.0.0/8"))',
      ].join("\n"),
    );
  });
  it("yara-l: System events by log type, provider in metadata.product_name, service in target.application", () => {
    const q = events(
      convert(
        {
          sel: { EventID: 7045, Provider_Name: "Service Control Manager", "ServiceName|contains": "psexe" },
          condition: "sel",
        },
        "yara-l",
        system,
      ),
    );
    expect(q).toBe(
      [
        '$e.metadata.vendor_name = "Microsoft"',
        '    $e.metadata.log_type = "WINEVTLOG"',
        '    ($e.metadata.product_event_type = "7045" and $e.metadata.product_name = "Service Control Manager" nocase and $e.target.application = /(?s)psexe/ nocase)',
      ].join("\n"),
    );
  });
  it("yara-l: a Security field with no documented UDM home is refused by name", () => {
    expect(
      result({ sel: { EventID: 4624, LogonType: 10 }, condition: "sel" }, "yara-l", security),
    ).toMatchObject({ error: expect.stringMatching(/field "LogonType" has no column/) });
  });
  it("logscale: Windows Security and System are refused with the reason", () => {
    for (const ls of [security, system])
      expect(result({ sel: { EventID: 4624 }, condition: "sel" }, "logscale", ls)).toMatchObject({
        error: expect.stringMatching(
          /^no logscale pipeline maps logsource \{product: windows, service: (security|system)\}; add an entry once its fields are documented: Falcon sensor events do not carry the Windows event logs, .*log-collector-config-common-source-windows\.html\) \(lib\/sigma\/pipelines, crowdstrike_falcon\)$/,
        ),
      });
  });
});

describe("LogScale cloud and proxy log sources", () => {
  it("scopes CloudTrail to the aws/cloudtrail package's tags and its Vendor. record", () => {
    expect(
      convert(
        {
          sel: {
            eventSource: "iam.amazonaws.com",
            eventName: "CreateUser",
            "requestParameters.userName|startswith": "svc",
          },
          filter: { "errorCode|exists": true },
          condition: "sel and not filter",
        },
        "logscale",
        { product: "aws", service: "cloudtrail" },
      ),
    ).toBe(
      "#Vendor=aws\n| #event.module=cloudtrail\n| Vendor.eventSource=/^iam\\.amazonaws\\.com$/i Vendor.eventName=/^CreateUser$/i Vendor.requestParameters.userName=/^svc/i Vendor.errorCode!=*",
    );
  });
  it("refuses proxy and Azure with the reason", () => {
    expect(
      result({ sel: { "c-uri|contains": "/x" }, condition: "sel" }, "logscale", { category: "proxy" }),
    ).toMatchObject({
      error: expect.stringMatching(
        /^no logscale pipeline maps logsource \{category: proxy\}; .*zscaler\/internet-access/,
      ),
    });
    expect(
      result({ sel: { ResultType: 50126 }, condition: "sel" }, "logscale", {
        product: "azure",
        service: "signinlogs",
      }),
    ).toMatchObject({
      error: expect.stringMatching(
        /^no logscale pipeline maps logsource \{product: azure, service: signinlogs\}; .*Entra ID/,
      ),
    });
  });
});

describe("correlation conditions in the vendors' documented forms", () => {
  const base = `title: Net connect\nname: net_conn\nlogsource: { product: windows, category: network_connection }\ndetection:\n  sel:\n    DestinationPort: 4444\n  condition: sel\n`;
  const correlate = (correlation: string, target: Target) => {
    const { rules, diagnostics } = parseSigma(
      `title: C\nname: c\ncorrelation:\n${correlation}\n---\n${base}`,
    );
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    return convertRule(rules[0]!, target, undefined, rules);
  };
  const count = (condition: string) =>
    `  type: event_count\n  rules: [net_conn]\n  group-by: [Computer]\n  timespan: 5m\n  condition: ${condition}`;
  const condition = (r: ReturnType<typeof correlate>) => {
    if ("error" in r) throw new Error(r.error);
    return /condition:\n {4}(.*)\n\}$/.exec(r.query)![1];
  };
  // cloud.google.com/chronicle/docs/yara-l/condition-syntax: counts take > >= < <=; #e < n is an
  // unbounded condition and a rule needs a bounded one; outcomes also take = and !=.
  it("yara-l: an upper bound alone on a count keeps the event bounded with $e", () =>
    expect(condition(correlate(count("{ lt: 5 }"), "yara-l"))).toBe("$e and #e < 5"));
  it("yara-l: a count equal to n is >= n and <= n; a lower bound needs no $e", () => {
    expect(condition(correlate(count("{ eq: 5 }"), "yara-l"))).toBe("#e >= 5 and #e <= 5");
    expect(condition(correlate(count("{ gte: 5 }"), "yara-l"))).toBe("#e >= 5");
  });
  it("yara-l: neq on a count is refused; on an outcome it is the documented !=", () => {
    expect(correlate(count("{ neq: 5 }"), "yara-l")).toMatchObject({
      error: expect.stringMatching(/counts with > >= < <= only/),
    });
    const sum = `  type: value_sum\n  rules: [net_conn]\n  group-by: [Computer]\n  timespan: 1h\n  condition: { field: DestinationPort, neq: 1000 }`;
    expect(condition(correlate(sum, "yara-l"))).toBe("$e and $value_sum != 1000");
  });
  // library.humio.com/data-analysis/functions-percentile.html: field, percentiles, as (a prefix);
  // the output field is <as>_<percentile> (examples-percentile-median-allocation.html).
  it("logscale: percentile(field, percentiles=[p], as=x) and the threshold on x_p", () => {
    const pct = `  type: value_percentile\n  rules: [net_conn]\n  group-by: [Computer]\n  timespan: 1h\n  condition: { field: DestinationPort, percentile: 95, gt: 1000 }`;
    const r = correlate(pct, "logscale");
    if ("error" in r) throw new Error(r.error);
    expect(r.query.split("\n| ").slice(-2)).toEqual([
      "groupBy([sigma_window, ComputerName], function=percentile(RemotePort, percentiles=[95], as=value_percentile), limit=max)",
      "test(value_percentile_95 > 1000)",
    ]);
  });
});
