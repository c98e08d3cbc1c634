// Named pipelines: pySigma's names select our equivalent, `none` keeps raw names, and pySigma
// pipelines without an equivalent are refused by name.
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { convertRule } from "@/lib/sigma/backends/convert";
import { defaultPipelines, NOT_OFFERED, PYSIGMA_NAMES } from "@/lib/sigma/backends/named-pipelines";
import { loadPipelines } from "@/lib/sigma/backends/pipeline";
import { parseSigma } from "@/lib/sigma/engine/parse";

const rule = parseSigma(
  stringify({
    title: "t",
    logsource: { product: "windows", category: "process_creation" },
    detection: { sel: { Image: "x" }, condition: "sel" },
  }),
).rules[0]!;

describe("named pipelines", () => {
  it("every pySigma name points at one of our pipelines", () => {
    const ours = new Set(loadPipelines().map((p) => p.name));
    for (const [name, target] of Object.entries(PYSIGMA_NAMES)) expect(ours.has(target), name).toBe(true);
  });
  it("microsoft_xdr selects the Defender XDR tables, azure_monitor the Sentinel ones", () => {
    expect(convertRule(rule, "kql", "microsoft_xdr")).toMatchObject({ pipeline: "kql_defender_xdr" });
    expect(convertRule(rule, "kql", "azure_monitor")).toMatchObject({
      error: expect.stringMatching(/no kql pipeline|kql_sentinel/),
    });
  });
  it("none keeps raw names: EQL any, ES|QL *, Splunk and Lucene bare; KQL refuses (no table)", () => {
    expect(convertRule(rule, "eql", "none")).toMatchObject({ query: 'any where Image : "x"' });
    expect(convertRule(rule, "splunk", "none")).toMatchObject({ query: 'Image="x"' });
    expect(convertRule(rule, "esql", "none")).toMatchObject({ query: expect.stringMatching(/^from \* /) });
    expect(convertRule(rule, "kql", "none")).toMatchObject({ error: expect.stringMatching(/needs a table/) });
  });
  it("refuses pySigma pipelines we have no equivalent for, by name, and unknown names", () => {
    for (const name of Object.keys(NOT_OFFERED))
      expect(convertRule(rule, "splunk", name)).toMatchObject({ error: NOT_OFFERED[name] });
    expect(convertRule(rule, "splunk", "nope")).toMatchObject({
      error: expect.stringMatching(/unknown pipeline "nope"/),
    });
    expect(convertRule(rule, "splunk", "microsoft_xdr")).toMatchObject({
      error: expect.stringMatching(/is for kql, not splunk/),
    });
  });
  it("lists each target's default pipelines in the order they are tried", () => {
    expect(defaultPipelines("kql")).toEqual(["kql_defender_xdr", "kql_sentinel"]);
    expect(defaultPipelines("yara-l")).toEqual(["secops_udm"]);
  });
});
