// A user's pipeline in pySigma's format: each supported transformation's effect, the refusal of
// the others by name, and the bounds with located errors.
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { convertRule } from "@/lib/sigma/backends/convert";
import { MAX_PIPELINE_TRANSFORMATIONS } from "@/lib/sigma/engine/limits";
import { parseSigma } from "@/lib/sigma/engine/parse";
import { parseUserPipeline } from "@/lib/sigma/user-pipeline/parse";

const rule = parseSigma(
  stringify({
    title: "t",
    logsource: { product: "windows", category: "process_creation" },
    detection: { sel: { Image: "C:\\x.exe", CommandLine: "a" }, condition: "sel" },
  }),
).rules[0]!;

function withPipeline(yaml: string, target: "splunk" | "eql" = "splunk") {
  const { pipeline, diagnostics } = parseUserPipeline(yaml);
  expect(diagnostics).toEqual([]);
  return convertRule(rule, target, "none", [rule], pipeline!);
}

describe("user pipelines (pySigma format)", () => {
  it("field_name_mapping renames, one-to-many becomes an OR; conditions on logsource and fields", () => {
    const r = withPipeline(`name: p
transformations:
  - type: field_name_mapping
    mapping: { Image: [proc, exe], CommandLine: cmd }
    rule_conditions: [{ type: logsource, product: windows }]
  - type: field_name_mapping
    mapping: { cmd: never }
    rule_conditions: [{ type: logsource, product: linux }]
`);
    expect(r).toMatchObject({ query: '(proc="C:\\\\x.exe" OR exe="C:\\\\x.exe") cmd="a"' });
  });
  it("field_name_prefix_mapping, add_condition, drop_detection_item, replace_string, set_state", () => {
    const r = withPipeline(
      `name: p
transformations:
  - type: drop_detection_item
    field_name_conditions: [{ type: include_fields, fields: [CommandLine] }]
  - type: replace_string
    regex: '^C:'
    replacement: '%SystemDrive%'
  - type: field_name_prefix_mapping
    mapping: { Im: process.im }
  - type: add_condition
    conditions: { index: main }
  - type: set_state
    key: index
    val: windows-*
`,
      "eql",
    );
    expect(r).toMatchObject({
      query: 'windows-* where index : "main" and process.image : "%SystemDrive%\\\\x.exe"',
    });
  });
  it("change_logsource re-routes the rule; rule_failure and detection_item_failure refuse with the message", () => {
    const moved = withPipeline(
      `name: p\ntransformations:\n  - type: change_logsource\n    category: network_connection\n`,
    );
    expect("query" in moved).toBe(true);
    expect(
      withPipeline(`name: p\ntransformations:\n  - type: rule_failure\n    message: not for this SIEM\n`),
    ).toMatchObject({
      error: "not for this SIEM",
    });
    expect(
      withPipeline(`name: p
transformations:
  - type: detection_item_failure
    message: no CommandLine here
    field_name_conditions: [{ type: include_fields, fields: [CommandLine] }]
`),
    ).toMatchObject({ error: "no CommandLine here" });
  });
  it("refuses other transformation types by name, at their line", () => {
    const { pipeline, diagnostics } = parseUserPipeline(
      "name: p\ntransformations:\n  - type: field_name_mapping\n    mapping: { a: b }\n  - type: hashes_fields\n    valid_hash_algos: [MD5]\n",
    );
    expect(pipeline).toBeNull();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        line: 5,
        message: 'transformation type "hashes_fields" is not supported here',
      }),
    ]);
  });
  it("bounds: transformation count, hostile regexes, malformed items, all located", () => {
    const many = `name: p\ntransformations:\n${"  - { type: set_state, key: a, val: b }\n".repeat(MAX_PIPELINE_TRANSFORMATIONS + 1)}`;
    expect(parseUserPipeline(many).diagnostics[0]).toMatchObject({
      line: 3,
      message: expect.stringMatching(/at most 100/),
    });
    const redos = parseUserPipeline(
      `name: p\ntransformations:\n  - type: replace_string\n    regex: '${"(a{1,999})".repeat(5)}'\n    replacement: x\n`,
    );
    expect(redos.diagnostics[0]).toMatchObject({
      line: 4,
      message: expect.stringMatching(/replace_string regex/),
    });
    const bad = parseUserPipeline(
      "name: p\ntransformations:\n  - type: field_name_mapping\n    mapping: 3\n",
    );
    expect(bad.diagnostics[0]).toMatchObject({
      line: 4,
      message: expect.stringMatching(/^transformation 1:/),
    });
    expect(parseUserPipeline("x".repeat(70 * 1024)).diagnostics[0]!.message).toMatch(/KB/);
  });
});
