// Conformance of the values that take no modifier beside strings (numbers, the empty string,
// null) on every backend, pinned to sigma-rules-specification.md and each target's operators.
import { describe } from "vitest";
import { conformance } from "@/lib/sigma/conformance/modifier-harness";

const kql = (where: string) => `DeviceProcessEvents\n| where ${where}`;
const esql = (where: string) => `from logs-* metadata _id, _index, _version\n| where ${where}`;
const eql = (where: string) => `process where ${where}`;

// sigma-rules-specification.md, "Lists" and "Maps": a number is a value of its own type; it
// equals a field holding that number (or its decimal text, as logs often carry numbers).
describe("plain number", () => {
  conformance(
    {
      selection: "    DestinationPort: 4444",
      match: [{ DestinationPort: 4444 }, { DestinationPort: "4444" }],
      miss: [{ DestinationPort: 44444 }, { DestinationPort: "4444a" }],
    },
    {
      splunk: { doc: "field=n in search", query: "DestinationPort=4444" },
      kql: { doc: "== on a number", query: kql("DestinationPort == 4444") },
      lucene: { doc: "term", query: "destination.port:4444" },
      esql: { doc: "==", query: esql("destination.port == 4444") },
      eql: { doc: "==", query: eql("destination.port == 4444") },
      "yara-l": { doc: "= on an integer field", query: "$e.target.port = 4444" },
      logscale: { doc: "field=n", query: "DestinationPort=4444" },
    },
  );
});

// sigma-rules-specification.md, "Special Field Values": "An empty value is defined with `''`".
describe("empty string ''", () => {
  conformance(
    {
      selection: "    CommandLine: ''",
      match: [{ CommandLine: "" }],
      miss: [{ CommandLine: " " }, {}],
    },
    {
      splunk: { doc: 'field=""', query: 'CommandLine=""' },
      kql: { doc: '=~ ""', query: kql('ProcessCommandLine =~ ""') },
      lucene: { doc: 'an empty term is written "" (query string syntax)', query: 'process.command_line:""' },
      esql: { doc: '== ""', query: esql('to_lower(process.command_line) == ""') },
      eql: { doc: ': ""', query: eql('process.command_line : ""') },
      "yara-l": {
        doc: '= "" (also what an absent UDM string reads as)',
        query: '$e.target.process.command_line = "" nocase',
      },
      logscale: { doc: "an anchored empty regex", query: "CommandLine=/^$/i" },
    },
  );
});

// sigma-rules-specification.md, "Special Field Values": "A null value is defined with `null`
// ... The application of these values depends on the target SIEM system." The engine reads null
// as absent, null or empty; whether an empty string counts is left to each target (Elasticsearch
// indexes "", so Lucene, ES|QL and EQL do not match it), so no probe event is empty here.
describe("null", () => {
  conformance(
    {
      selection: "    CommandLine: null",
      match: [{}, { CommandLine: null }],
      miss: [{ CommandLine: "x" }],
    },
    {
      splunk: { doc: "NOT field=* (no value)", query: "NOT CommandLine=*" },
      kql: { doc: "isempty(): null or empty (KQL isempty)", query: kql("isempty(ProcessCommandLine)") },
      lucene: { doc: "NOT _exists_:field", query: "NOT _exists_:process.command_line" },
      esql: { doc: "IS NULL", query: esql("process.command_line is null") },
      eql: { doc: "== null", query: eql("process.command_line == null") },
      "yara-l": { doc: 'UDM has no null: = ""', query: '$e.target.process.command_line = ""' },
      logscale: { doc: 'empty or missing: ="" or !=*', query: '(CommandLine="" or CommandLine!=*)' },
    },
  );
});
