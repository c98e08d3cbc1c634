import { describe, expect, it } from "vitest";
import { splFieldAfterAggregation } from "@/lib/verify/rules/spl-field-after-aggregation";
import { splNeqMissingField } from "@/lib/verify/rules/spl-neq-missing-field";
import type { Rule } from "@/lib/verify/rules/types";
import { detection, fixtureQueries, locate } from "@/tests/verify-fixture";
import { ruleContext } from "@/tests/verify-context";

const where = (f: { file: string; line: number; column: number }) => `${f.file}:${f.line}:${f.column}`;
const run = (rule: Rule, source: string) =>
  fixtureQueries(source).flatMap((q) => rule.check(q, ruleContext()));
const QUERY = [
  "| tstats count FROM datamodel=Endpoint.Processes BY Processes.dest Processes.process_name",
  '| rename "Processes.*" AS *',
  "| stats count by dest",
].join("\n");

describe("spl-field-after-aggregation", () => {
  it("reports an exclusion on process_path after stats count by dest, at the field", () => {
    const source = detection("spl", QUERY, ['| search NOT process_path="C:\\\\Tools\\\\*"']);
    const findings = run(splFieldAfterAggregation, source);
    expect(findings.map(where)).toEqual([locate(source, "process_path")]);
    expect(findings[0]!.suggestions).toEqual(["dest", "count"]);
  });

  it("passes exclusions on fields the aggregation kept, through rename and eval", () => {
    const source = detection("spl", QUERY + "\n| eval host=lower(dest)", [
      '| search NOT dest="PRINT-*"',
      '| where count > 5 AND host!="x"',
    ]);
    expect(run(splFieldAfterAggregation, source)).toEqual([]);
  });
});

describe("spl-neq-missing-field", () => {
  it("reports field!=value in an exclusion", () => {
    const source = detection("spl", "index=main sourcetype=x", ['| search user!="svc-backup"']);
    expect(run(splNeqMissingField, source).map(where)).toEqual([locate(source, "user!=")]);
  });

  it("passes NOT field=value", () => {
    const source = detection("spl", "index=main sourcetype=x", ['| search NOT user="svc-backup"']);
    expect(run(splNeqMissingField, source)).toEqual([]);
  });
});
