// Every export parsed with a parser for its format, on the real corpus (all six platforms):
// zip listings, Elastic NDJSON, Splunk .conf, Sentinel YAML, Defender Graph JSON, YARA-L, LogScale.
import { strFromU8, unzipSync } from "fflate";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { GET as sigmaZip } from "@/app/api/v1/exports/sigma.zip/route";
import { getCatalog, detectionsForPlatform } from "@/lib/content/catalog";
import { PRO_PACKS } from "@/lib/export/pro-packs";
import { zipFiles } from "@/lib/export/zip";

function unzip(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}
const pack = (platform: string) => unzip(zipFiles(PRO_PACKS[platform as keyof typeof PRO_PACKS]()));

/** Splunk .conf syntax: [stanza] headers, `key = value` lines, # comments, blank lines; nothing else. */
function parseConf(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      expect(out[header[1]!], `duplicate stanza ${header[1]}`).toBeUndefined();
      current = out[header[1]!] = {};
      return;
    }
    const kv = /^([A-Za-z0-9_.]+) = (.*)$/.exec(line);
    expect(kv && current, `line ${i + 1} is not a key = value inside a stanza: ${line}`).toBeTruthy();
    current![kv![1]!] = kv![2]!;
  });
  return out;
}

describe("Sigma collection zip", () => {
  it("holds every rule, an index that lists them, a README and the licence", async () => {
    const res = sigmaZip();
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.zip"/);
    const files = unzip(new Uint8Array(await res.arrayBuffer()));
    const { techniques } = getCatalog();
    expect(Object.keys(files).filter((f) => f.startsWith("rules/"))).toHaveLength(techniques.length);
    expect(files.LICENSE).toContain("Detection Rule License 1.1");
    const index = JSON.parse(files["index.json"]!);
    expect(index.count).toBe(techniques.length);
    for (const rule of index.rules) {
      const yaml = parseYaml(files[rule.file]!);
      expect(yaml.id).toBe(rule.id);
      expect(yaml.title).toBe(rule.title);
    }
  });
});

describe("Pro packs", () => {
  it.each(Object.keys(PRO_PACKS))(
    "%s has a README with import steps, the licence, and a file per detection",
    (platform) => {
      const files = pack(platform);
      expect(files["README.md"]).toMatch(/import|paste|copy/i);
      expect(files.LICENSE).toContain("Detection Rule License");
      expect(detectionsForPlatform(platform).length).toBeGreaterThan(0);
    },
  );

  it("Elastic: NDJSON lines with the fields the import API requires", () => {
    const lines = pack("elastic")["rules.ndjson"]!.trim().split("\n");
    expect(lines).toHaveLength(detectionsForPlatform("elastic").length);
    for (const line of lines) {
      const rule = JSON.parse(line);
      for (const field of [
        "rule_id",
        "name",
        "description",
        "risk_score",
        "severity",
        "type",
        "query",
        "language",
        "interval",
        "from",
        "threat",
      ])
        expect(rule[field], `${rule.name}: ${field}`).toBeDefined();
      expect(["eql", "esql", "query", "threshold"]).toContain(rule.type);
      expect(rule.language).toBe(rule.type === "query" ? "kuery" : rule.type);
      if (rule.type !== "esql") expect(rule.index.length).toBeGreaterThan(0);
      expect(rule.risk_score).toBeGreaterThanOrEqual(0);
      expect(rule.risk_score).toBeLessThanOrEqual(100);
      expect(["low", "medium", "high", "critical"]).toContain(rule.severity);
      expect(rule.from).toMatch(/^now-\d+s$/);
      expect(rule.threat[0].framework).toBe("MITRE ATT&CK");
      expect(rule.threat[0].tactic.id).toMatch(/^TA\d{4}$/);
      expect(rule.threat[0].technique[0].id).toMatch(/^T\d{4}$/);
    }
  });

  it("Splunk: savedsearches.conf parses, with search, cron_schedule and dispatch window in every stanza", () => {
    const conf = parseConf(pack("splunk")["default/savedsearches.conf"]!);
    const stanzas = Object.values(conf);
    expect(stanzas).toHaveLength(detectionsForPlatform("splunk").length);
    for (const s of stanzas) {
      expect(s.search).toBeTruthy();
      expect(s.cron_schedule).toMatch(/^\S+( \S+){4}$/);
      expect(s["dispatch.earliest_time"]).toMatch(/^-\d+[smhdw]/);
      expect(s["dispatch.latest_time"]).toBeTruthy();
      expect(s.enableSched).toBe("1");
    }
  });

  it("Sentinel: YAML with the content format's required fields and ISO 8601 durations", () => {
    const files = Object.entries(pack("sentinel")).filter(([name]) => name.startsWith("Detections/"));
    expect(files).toHaveLength(detectionsForPlatform("sentinel").length);
    let mapped = 0;
    for (const [name, text] of files) {
      const rule = parseYaml(text);
      for (const field of [
        "id",
        "name",
        "description",
        "severity",
        "requiredDataConnectors",
        "queryFrequency",
        "queryPeriod",
        "triggerOperator",
        "triggerThreshold",
        "tactics",
        "relevantTechniques",
        "query",
        "version",
        "kind",
      ])
        expect(rule[field], `${name}: ${field}`).toBeDefined();
      expect(rule.kind).toBe("Scheduled");
      expect(rule.queryFrequency).toMatch(/^P(T\d+[HMS]|\d+D)$/);
      expect(rule.queryPeriod).toMatch(/^P(T\d+[HMS]|\d+D)$/);
      expect(["Informational", "Low", "Medium", "High"]).toContain(rule.severity);
      for (const tactic of rule.tactics) expect(tactic).toMatch(/^[A-Z][A-Za-z]+$/);
      if (rule.entityMappings) {
        mapped++;
        for (const m of rule.entityMappings) expect(rule.query).toContain(m.fieldMappings[0].columnName);
      }
    }
    expect(mapped).toBeGreaterThan(0);
  });

  it("Defender XDR: a KQL file and a Graph detection rule body per detection", () => {
    const files = pack("defender-xdr");
    const bodies = Object.entries(files).filter(([n]) => n.startsWith("graph/"));
    expect(bodies).toHaveLength(detectionsForPlatform("defender-xdr").length);
    for (const [name, text] of bodies) {
      const rule = JSON.parse(text);
      expect(rule.queryCondition.queryText).toBe(
        files[name.replace(/^graph\/(.*)\.json$/, "queries/$1.kql")]!.trim(),
      );
      expect(["0", "1H", "3H", "12H", "24H"]).toContain(rule.schedule.period);
      expect(rule.detectionAction.alertTemplate.mitreTechniques[0]).toMatch(/^T\d{4}/);
    }
  });

  it("SecOps: YARA-L files with meta, events and condition in order", () => {
    const rules = Object.entries(pack("secops")).filter(([n]) => n.endsWith(".yaral"));
    expect(rules).toHaveLength(detectionsForPlatform("secops").length);
    for (const [name, text] of rules)
      expect(text, name).toMatch(
        /^rule\s+\w+\s*\{[\s\S]*\bmeta:[\s\S]*\bevents:[\s\S]*\bcondition:[\s\S]*\}\s*$/,
      );
  });

  it("LogScale: YAML saved queries with name, queryString and schedule", () => {
    const queries = Object.entries(pack("logscale")).filter(([n]) => n.startsWith("queries/"));
    expect(queries).toHaveLength(detectionsForPlatform("logscale").length);
    for (const [, text] of queries) {
      const q = parseYaml(text);
      expect(q.name).toBeTruthy();
      expect(q.queryString.trim().length).toBeGreaterThan(0);
      expect(q.schedule.interval).toMatch(/^\d+[smhd]$/);
    }
  });
});
