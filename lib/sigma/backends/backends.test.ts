// Each backend's output for each construct, including escaping of the target's special characters.
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { convertRule } from "@/lib/sigma/backends/convert";
import type { Target } from "@/lib/sigma/backends/types";
import { parseSigma } from "@/lib/sigma/engine/parse";

const logsource = { product: "windows", category: "process_creation" };

function convert(
  detection: Record<string, unknown>,
  target: Target,
  source: Record<string, string> = logsource,
): string {
  const { rules, diagnostics } = parseSigma(stringify({ title: "t", logsource: source, detection }));
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const result = convertRule(rules[0]!, target);
  if ("error" in result) throw new Error(result.error);
  return result.query;
}
const one = (sel: Record<string, unknown> | unknown[], target: Target, source?: Record<string, string>) =>
  convert({ sel, condition: "sel" }, target, source);

describe("splunk", () => {
  it("maps fields to CIM and escapes backslashes and quotes", () => {
    expect(one({ "Image|endswith": '\\a"b.exe' }, "splunk")).toBe('process_path="*\\\\a\\"b.exe"');
  });
  it("uses IN lists, NOT, comparisons, null, exists and CASE for cased", () => {
    expect(one({ CommandLine: ["a", "b*"] }, "splunk")).toBe('process IN ("a", "b*")');
    expect(convert({ a: { x: 1 }, b: { y: "v" }, condition: "a and not b" }, "splunk")).toBe('x=1 NOT y="v"');
    expect(one({ "n|gte": 3, m: null, "e|exists": true }, "splunk")).toBe("n>=3 NOT m=* e=*");
    expect(one({ "x|cased": "Ab" }, "splunk")).toBe('x=CASE("Ab")');
  });
  it("groups OR inside AND and AND inside OR (Splunk binds OR first)", () => {
    expect(convert({ a: { x: 1 }, b: { y: 1 }, c: { z: 1 }, condition: "a and (b or c)" }, "splunk")).toBe(
      "x=1 (y=1 OR z=1)",
    );
    expect(convert({ a: { x: 1, w: 2 }, b: { y: 1 }, condition: "a or b" }, "splunk")).toBe(
      "(x=1 w=2) OR y=1",
    );
  });
  it("defers regexes and field references to pipes; inside an OR, the OR becomes | where (issue 17)", () => {
    expect(one({ x: "a", "CommandLine|re|i": 'a"b' }, "splunk")).toBe('x="a"\n| regex process="(?i)a\\"b"');
    expect(convert({ a: { x: "a" }, f: { "y|re": "z" }, condition: "a and not f" }, "splunk")).toBe(
      'x="a"\n| regex y!="z"',
    );
    expect(one({ "a|fieldref": "b" }, "splunk")).toBe("*\n| where lower('a')==lower('b')");
    expect(convert({ a: { x: 1 }, f: { "y|re": "z" }, condition: "a or f" }, "splunk")).toBe(
      `*\n| where 'x'==1 OR match('y', "z")`,
    );
    expect(convert({ a: { "x y": "v" }, f: { "y|re": "z" }, condition: "a and f" }, "splunk")).toBe(
      '"x y"="v"\n| regex y="z"',
    );
    expect(() => one({ x: "a?c" }, "splunk")).toThrow(/single-character wildcard/);
  });
  it("a field name with a space is double-quoted in search, as search requires (issue 17)", () => {
    expect(one({ "field name": "x" }, "splunk")).toBe('"field name"="x"');
  });
  it("keywords are quoted terms", () => {
    expect(one(["mimi katz", 'x"y'], "splunk")).toBe('"mimi katz" OR "x\\"y"');
  });
});

describe("kql", () => {
  it("chooses the Defender XDR table and columns by logsource", () => {
    expect(one({ "Image|endswith": "\\x.exe", CommandLine: "A" }, "kql")).toBe(
      'DeviceProcessEvents\n| where FolderPath endswith "\\\\x.exe" and ProcessCommandLine =~ "A"',
    );
    expect(one({ EventID: 4624 }, "kql", { product: "windows", service: "security" })).toBe(
      "SecurityEvent\n| where EventID == 4624",
    );
    expect(one({ TargetObject: "x" }, "kql", { product: "windows", category: "registry_set" })).toBe(
      'DeviceRegistryEvents\n| where ActionType =~ "RegistryValueSet" and strcat(RegistryKey, "\\\\", RegistryValueName) =~ "x"',
    );
  });
  it("uses operators by wildcard shape, in~ lists, _cs for cased and regex for inner wildcards", () => {
    const q = (sel: Record<string, unknown>) => one(sel, "kql").split("\n| where ")[1];
    expect(q({ "CommandLine|contains": 'say "hi"' })).toBe('ProcessCommandLine contains "say \\"hi\\""');
    expect(q({ "CommandLine|startswith|cased": "Ab" })).toBe('ProcessCommandLine startswith_cs "Ab"');
    expect(q({ CommandLine: ["a", "b"] })).toBe('ProcessCommandLine in~ ("a", "b")');
    expect(q({ CommandLine: "a*b?.c" })).toBe('ProcessCommandLine matches regex "(?is)^a.*b.\\\\.c$"');
    expect(q({ "CommandLine|re|i": "^x\\d+" })).toBe('ProcessCommandLine matches regex "(?i)^x\\\\d+"');
    expect(q({ "CommandLine|exists": true, User: null })).toBe(
      "isnotempty(ProcessCommandLine) and isempty(AccountName)",
    );
  });
  it("writes not() and cidr, and refuses unmapped columns and RE2-incompatible regexes", () => {
    expect(
      convert(
        {
          a: { DestinationIp: "1.2.3.4" },
          b: { "DestinationIp|cidr": "10.0.0.0/8" },
          condition: "a and not b",
        },
        "kql",
        { product: "windows", category: "network_connection" },
      ),
    ).toBe(
      'DeviceNetworkEvents\n| where RemoteIP =~ "1.2.3.4" and not(ipv4_is_in_range(RemoteIP, "10.0.0.0/8"))',
    );
    expect(() => one({ NoSuchField: "x" }, "kql")).toThrow(
      /field "NoSuchField" has no column in DeviceProcessEvents/,
    );
    // Lookaround never reaches a backend: the parser refuses what RE2 cannot run.
    const { diagnostics } = parseSigma(
      stringify({
        title: "t",
        logsource,
        detection: { sel: { "CommandLine|re": "a(?=b)" }, condition: "sel" },
      }),
    );
    expect(diagnostics[0]?.message).toMatch(/lookaround/);
    expect(() => one({ x: 1 }, "kql", { product: "linux", category: "process_creation" })).toThrow(
      /no kql pipeline maps logsource/,
    );
  });
});

describe("lucene", () => {
  it("prints exists: false under NOT once, and wraps keywords in wildcards as pySigma (issue 17)", () => {
    expect(convert({ a: { x: 1 }, d: { "f|exists": false }, condition: "a and not d" }, "lucene")).toMatch(
      /^\S+ AND _exists_:\S+$/,
    );
    expect(convert({ a: { x: 1 }, d: { y: 2 }, condition: "not not a and d" }, "lucene")).not.toMatch(/NOT/);
    expect(one(["evil"], "lucene")).toBe("*evil*");
  });
  it("maps to ECS and escapes every Lucene special character and spaces", () => {
    expect(one({ "CommandLine|contains": 'a b:c(d)"e/f+g' }, "lucene")).toBe(
      'process.command_line:*a\\ b\\:c\\(d\\)\\"e\\/f\\+g*',
    );
    expect(one({ Image: "C:\\x\\*.exe" }, "lucene")).toBe("process.executable:C\\:\\\\x\\*.exe");
  });
  it("uses lists, NOT, _exists_, ranges, cidr and unmapped winlog.event_data fields", () => {
    expect(one({ Image: ["a", "*b"] }, "lucene")).toBe("process.executable:(a OR *b)");
    expect(convert({ a: { x: 1 }, b: { "y|cidr": "10.0.0.0/8" }, condition: "a and not b" }, "lucene")).toBe(
      "winlog.event_data.x:1 AND NOT winlog.event_data.y:10.0.0.0\\/8",
    );
    expect(one({ "n|lt": 4, m: null }, "lucene")).toBe(
      "winlog.event_data.n:<4 AND NOT _exists_:winlog.event_data.m",
    );
  });
  it("rewrites regexes into anchored Lucene syntax and refuses what it cannot", () => {
    expect(one({ "CommandLine|re": "^a\\d/b$" }, "lucene")).toBe("process.command_line:/a[0-9]\\/b/");
    expect(one({ "CommandLine|re|i": "ab" }, "lucene")).toBe("process.command_line:/.*[aA][bB].*/");
    expect(one({ "CommandLine|re": "a|b" }, "lucene")).toBe("process.command_line:/.*(a|b).*/");
    expect(() => one({ "CommandLine|re": "a\\b" }, "lucene")).toThrow(/word boundaries/);
    expect(() => one({ "a|fieldref": "b" }, "lucene")).toThrow(/cannot compare field/);
  });
});

describe("esql", () => {
  it("reads the integration's index and compares lower-cased values", () => {
    expect(one({ "Image|endswith": '\\A"b.exe' }, "esql")).toBe(
      'from logs-windows.sysmon_operational-* metadata _id, _index, _version\n| where to_lower(process.executable) like "*\\\\\\\\a\\"b.exe"',
    );
  });
  it("escapes literal like wildcards, keeps cased values, uses in, is null, cidr_match and rlike", () => {
    const q = (sel: Record<string, unknown>) => one(sel, "esql").split("\n| where ")[1];
    expect(q({ "CommandLine|contains": "50\\*" })).toBe('to_lower(process.command_line) like "*50\\\\**"');
    expect(q({ "CommandLine|cased": "Ab" })).toBe('process.command_line == "Ab"');
    expect(q({ CommandLine: ["A", "b"] })).toBe('to_lower(process.command_line) in ("a", "b")');
    expect(q({ User: null, "n|gt": 1 })).toBe("user.name is null and winlog.event_data.n > 1");
    expect(q({ "ip|cidr": "10.0.0.0/8" })).toBe('cidr_match(winlog.event_data.ip, "10.0.0.0/8")');
    expect(q({ "CommandLine|re": "^x.y$" })).toBe('process.command_line rlike "x[^\\n]y"');
    expect(one({ "cs-method": "GET" }, "esql", { category: "webserver" }).split("\n| where ")[1]).toBe(
      'to_lower(http.request.method) == "get"',
    );
    expect(one({ "my-field": 1 }, "esql", { category: "dns" }).split("\n| where ")[1]).toBe(
      "`my-field` == 1",
    );
    expect(() => one(["keyword"], "esql")).toThrow(/no field-less keyword search/);
  });
});

describe("eql", () => {
  it("uses the event category and the case-insensitive : operator", () => {
    expect(one({ "Image|endswith": '\\a"b.exe' }, "eql")).toBe(
      'process where process.executable : "*\\\\a\\"b.exe"',
    );
    expect(one({ TargetFilename: "x" }, "eql", { product: "windows", category: "file_event" })).toBe(
      'file where file.path : "x"',
    );
  });
  it("uses lists, == for cased, regex~, cidrMatch and null checks", () => {
    const q = (sel: Record<string, unknown>) => one(sel, "eql").replace(/^process where /, "");
    expect(q({ Image: ["a", "b*"] })).toBe('process.executable : ("a", "b*")');
    expect(q({ "Image|cased": "Ab" })).toBe('process.executable == "Ab"');
    expect(q({ "Image|contains|cased": "Ab" })).toBe('process.executable like "*Ab*"');
    expect(q({ "Image|re|i": "a.b" })).toBe('process.executable regex~ ".*a[^\\n]b.*"');
    expect(q({ "ip|cidr": "fe80::/10", m: null, "e|exists": true })).toBe(
      'cidrMatch(winlog.event_data.ip, "fe80::/10") and user.name == null and winlog.event_data.e != null'.replace(
        "user.name",
        "winlog.event_data.m",
      ),
    );
    expect(() => q({ Image: "a\\*b*" })).toThrow(/cannot escape a literal \*/);
    expect(() => one(["keyword"], "eql")).toThrow(/no field-less keyword search/);
  });
});

describe("all backends", () => {
  it("expand placeholders fail clearly; base64offset and windash expand into ORed values", () => {
    for (const t of ["splunk", "kql", "lucene", "esql", "eql"] as Target[]) {
      expect(() => one({ "CommandLine|expand": "%admins%" }, t)).toThrow(/placeholder %admins%/);
      expect(one({ "CommandLine|base64offset|contains": "iex" }, t).toLowerCase()).toContain("awv4");
    }
    expect(one({ "CommandLine|windash|contains": " -a" }, "eql")).toBe(
      'process where process.command_line : ("* -a*", "* /a*", "* \u2013a*", "* \u2014a*", "* \u2015a*")',
    );
  });
  it("a correlation whose rules are not given is refused with the reason, not converted half-way", () => {
    const { rules } = parseSigma(
      "title: c\nname: c\ncorrelation:\n  type: temporal\n  rules: [a, b]\n  group-by: [x]\n  timespan: 1h\n",
    );
    expect(convertRule(rules[0]!, "kql")).toMatchObject({
      error: expect.stringContaining('rule "a" is not among the rules given'),
    });
  });
});

describe("fields: (issue 17)", () => {
  const withFields = (target: Target) => {
    const { rules } = parseSigma(
      stringify({
        title: "t",
        logsource,
        detection: { sel: { Image: "x" }, condition: "sel" },
        fields: ["Image", "CommandLine"],
      }),
    );
    const r = convertRule(rules[0]!, target);
    if ("error" in r) throw new Error(r.error);
    return r.query;
  };
  it("selects the mapped fields: table, project, keep, select()", () => {
    expect(withFields("splunk")).toMatch(/\n\| table process_path, process$/);
    expect(withFields("kql")).toMatch(/\n\| project FolderPath, ProcessCommandLine$/);
    expect(withFields("esql")).toMatch(/\n\| keep process.executable, process.command_line$/);
    expect(withFields("logscale")).toMatch(/\n\| select\(\[ImageFileName, CommandLine\]\)$/);
    expect(withFields("eql")).not.toMatch(/CommandLine|command_line/);
  });
});

describe("|expand placeholders from a values file (issue 17)", () => {
  const { rules } = parseSigma(
    stringify({ title: "t", logsource, detection: { sel: { "User|expand": "%admins%" }, condition: "sel" } }),
  );
  it("become any of their values; without values the backend refuses by name", () => {
    expect(
      convertRule(rules[0]!, "splunk", undefined, rules, undefined, { admins: ["root", "adm*"] }),
    ).toMatchObject({
      query: 'user IN ("root", "adm*")',
    });
    expect(convertRule(rules[0]!, "splunk")).toMatchObject({ error: expect.stringMatching(/%admins%/) });
  });
});
