// Conformance of the type modifiers (cidr, exists, fieldref, gt, gte, lt, lte, expand) on every
// backend, pinned to the Sigma specification (sigma-appendix-modifiers.md) and to each target's
// documented functions. A target without an equivalent refuses by name, never approximates.
import { describe } from "vitest";
import { conformance, type Expected } from "@/lib/sigma/conformance/modifier-harness";
import type { Target } from "@/lib/sigma/backends/types";

const kql = (where: string) => `DeviceProcessEvents\n| where ${where}`;
const esql = (where: string) => `from logs-* metadata _id, _index, _version\n| where ${where}`;
const eql = (where: string) => `process where ${where}`;

// sigma-appendix-modifiers.md, "IP (Internet Protocol) Modifiers": cidr "The value is handled as
// a CIDR network range specification by backends. Supports both IPv4 and IPv6 notations."
describe("cidr (IPv4)", () => {
  conformance(
    {
      selection: "    DestinationIp|cidr: 10.0.0.0/8",
      match: [{ DestinationIp: "10.1.2.3" }, { DestinationIp: "10.255.255.255" }],
      miss: [{ DestinationIp: "11.0.0.1" }, { DestinationIp: "9.255.255.255" }],
    },
    {
      splunk: {
        doc: "search matches field values against CIDR notation (SearchReference: search, IPv4 and IPv6 subnets)",
        query: 'DestinationIp="10.0.0.0/8"',
      },
      kql: {
        doc: "ipv4_is_in_range() (KQL IPv4 functions)",
        query: kql('ipv4_is_in_range(DestinationIp, "10.0.0.0/8")'),
      },
      lucene: {
        doc: "an ip field takes CIDR in a term, / escaped (query string syntax; ip field type)",
        query: String.raw`destination.ip:10.0.0.0\/8`,
      },
      esql: {
        doc: "CIDR_MATCH() (ES|QL IP functions)",
        query: esql('cidr_match(destination.ip, "10.0.0.0/8")'),
      },
      eql: { doc: "cidrMatch() (EQL functions)", query: eql('cidrMatch(destination.ip, "10.0.0.0/8")') },
      "yara-l": {
        doc: "net.ip_in_range_cidr() (YARA-L functions)",
        query: 'net.ip_in_range_cidr($e.target.ip, "10.0.0.0/8")',
      },
      logscale: {
        doc: "cidr(field, subnet=) (LogScale cidr())",
        query: 'cidr(DestinationIp, subnet="10.0.0.0/8")',
      },
    },
  );
});

describe("cidr (IPv6)", () => {
  conformance(
    {
      selection: "    DestinationIp|cidr: 'fe80::/10'",
      match: [{ DestinationIp: "fe80::1" }, { DestinationIp: "FEBF::abcd" }],
      miss: [{ DestinationIp: "fec0::1" }, { DestinationIp: "10.0.0.1" }],
    },
    {
      splunk: {
        doc: "search takes IPv6 subnets too (SearchReference: search)",
        query: 'DestinationIp="fe80::/10"',
      },
      kql: {
        doc: "ipv6_is_in_range() (KQL IPv6 functions)",
        query: kql('ipv6_is_in_range(DestinationIp, "fe80::/10")'),
      },
      lucene: { doc: "CIDR term, : and / escaped", query: String.raw`destination.ip:fe80\:\:\/10` },
      esql: { doc: "CIDR_MATCH() takes IPv6", query: esql('cidr_match(destination.ip, "fe80::/10")') },
      eql: { doc: "cidrMatch() takes IPv6", query: eql('cidrMatch(destination.ip, "fe80::/10")') },
      "yara-l": {
        doc: "net.ip_in_range_cidr() takes IPv6",
        query: 'net.ip_in_range_cidr($e.target.ip, "fe80::/10")',
      },
      logscale: { doc: "cidr() takes IPv6", query: 'cidr(DestinationIp, subnet="fe80::/10")' },
    },
  );
});

// sigma-appendix-modifiers.md, "Generic Modifiers": exists "Defines that a certain field has to
// exist or must not exist in a log event by providing a boolean value. Note that this check only
// verifies the presence of a field, not its value, be it empty or null." An empty string is
// present. A JSON null counts as absent, as in every target's store (Elasticsearch does not
// index null, Splunk drops it, KQL strings and UDM fields have no null), where it cannot be told
// apart from a missing field.
describe("exists: true", () => {
  conformance(
    {
      selection: "    CommandLine|exists: true",
      match: [{ CommandLine: "x" }, { CommandLine: "" }],
      miss: [{ Other: "x" }, { CommandLine: null }],
    },
    {
      splunk: {
        doc: "field=* matches events that have the field (SearchReference: search)",
        query: "CommandLine=*",
      },
      kql: {
        doc: "a string column is never null, so isnotempty() is the closest test; it also drops empty values (KQL isnotempty)",
        query: kql("isnotempty(ProcessCommandLine)"),
      },
      lucene: { doc: "_exists_:field (query string syntax)", query: "_exists_:process.command_line" },
      esql: { doc: "IS NOT NULL (ES|QL operators)", query: esql("process.command_line is not null") },
      eql: { doc: "!= null (EQL: null and missing fields)", query: eql("process.command_line != null") },
      "yara-l": {
        doc: 'an absent UDM string reads as "", so != "" (YARA-L: zero values); an empty value is absent there',
        query: '$e.target.process.command_line != ""',
      },
      logscale: {
        doc: "field=* matches events with the field (LogScale field filters)",
        query: "CommandLine=*",
      },
    },
  );
});

describe("exists: false", () => {
  conformance(
    {
      selection: "    CommandLine|exists: false",
      match: [{ Other: "x" }],
      miss: [{ CommandLine: "x" }, { CommandLine: "" }],
    },
    {
      splunk: { doc: "NOT field=*", query: "NOT CommandLine=*" },
      kql: { doc: "isempty() (KQL isempty)", query: kql("isempty(ProcessCommandLine)") },
      lucene: { doc: "NOT _exists_:field", query: "NOT _exists_:process.command_line" },
      esql: { doc: "IS NULL", query: esql("process.command_line is null") },
      eql: { doc: "== null", query: eql("process.command_line == null") },
      "yara-l": { doc: '= "" (zero value)', query: '$e.target.process.command_line = ""' },
      logscale: { doc: "field!=* is a missing field (LogScale field filters)", query: "CommandLine!=*" },
    },
  );
});

// sigma-appendix-modifiers.md, "Specific Modifiers": fieldref "Modifies a plain string into a
// field reference. A field reference can be used to compare fields of matched events directly
// at query/matching time." Values compare case-insensitively, as every Sigma value.
describe("fieldref", () => {
  conformance(
    {
      selection: "    User|fieldref: ParentUser",
      match: [{ User: "Bob", ParentUser: "bob" }],
      miss: [{ User: "bob", ParentUser: "alice" }, { User: "bob" }],
    },
    {
      splunk: {
        doc: "| where on lower() of both, fields in single quotes (SearchReference: where, eval)",
        query: "*\n| where lower('User')==lower('ParentUser')",
      },
      kql: {
        doc: "=~ compares two string expressions case-insensitively (KQL string operators)",
        query: kql("AccountName =~ InitiatingProcessAccountName"),
      },
      lucene: {
        doc: "a query string compares a field with values only",
        refused: /^a Lucene query cannot compare field user\.name with field/,
      },
      esql: {
        doc: "to_lower() on both sides",
        query: esql("to_lower(user.name) == to_lower(process.parent.user.name)"),
      },
      eql: {
        doc: "EQL compares fields with literals only here",
        refused: /^EQL cannot compare field user\.name with field/,
      },
      "yara-l": {
        doc: "strings.to_lower() on both sides, as = between fields keeps case (YARA-L strings functions)",
        query: "strings.to_lower($e.target.user.userid) = strings.to_lower($e.principal.user.userid)",
      },
      logscale: {
        doc: "test() compares fields, lower() in its expression (LogScale test(), expressions)",
        query: "test(lower(User) == lower(ParentUser))",
      },
    },
  );
});

describe("fieldref with startswith", () => {
  conformance(
    {
      selection: "    User|fieldref|startswith: ParentUser",
      match: [{ User: "bob-admin", ParentUser: "BOB" }],
      miss: [{ User: "admin-bob", ParentUser: "bob" }],
    },
    {
      splunk: {
        doc: "like() with a % suffix (SearchReference: like)",
        query: "*\n| where like(lower('User'), lower('ParentUser').\"%\")",
      },
      kql: {
        doc: "startswith takes a scalar expression, a column here (KQL startswith operator)",
        query: kql("AccountName startswith InitiatingProcessAccountName"),
      },
      lucene: { doc: "refused", refused: /^a Lucene query cannot compare field/ },
      esql: {
        doc: "STARTS_WITH() (ES|QL string functions)",
        query: esql("starts_with(to_lower(user.name), to_lower(process.parent.user.name))"),
      },
      eql: { doc: "refused", refused: /^EQL cannot compare field/ },
      "yara-l": {
        doc: "refused by name",
        refused: /^YARA-L compares two fields only for equality; \|fieldref\|startswith/,
      },
      logscale: {
        doc: "refused by name",
        refused: /^LogScale's test\(\) compares whole values; \|fieldref\|startswith/,
      },
    },
  );
});

// sigma-appendix-modifiers.md, "Numeric Modifiers": "`lt`: Field is less than the value",
// "`lte`: Field is less or equal than the value", "`gt`: Field is greater than the value",
// "`gte`: Field is greater or equal than the value".
const comparisons: Array<[string, string, number, number]> = [
  ["gt", ">", 1025, 1024],
  ["gte", ">=", 1024, 1023],
  ["lt", "<", 1023, 1024],
  ["lte", "<=", 1024, 1025],
];
for (const [modifier, op, yes, no] of comparisons)
  describe(modifier, () => {
    const expected: Record<Target, Expected> = {
      splunk: {
        doc: "comparison operator in search (SearchReference: search)",
        query: `DestinationPort${op}1024`,
      },
      kql: { doc: "comparison operator", query: kql(`DestinationPort ${op} 1024`) },
      lucene: {
        doc: "one-sided range field:>n (query string syntax, ranges)",
        query: `destination.port:${op}1024`,
      },
      esql: { doc: "comparison operator", query: esql(`destination.port ${op} 1024`) },
      eql: { doc: "comparison operator", query: eql(`destination.port ${op} 1024`) },
      "yara-l": op.startsWith("<")
        ? {
            doc: "comparison operator; an unset UDM integer reads as 0, which < 1024 would match, so != 0 too",
            query: `($e.target.port ${op} 1024 and $e.target.port != 0)`,
          }
        : { doc: "comparison operator on an integer UDM field", query: `$e.target.port ${op} 1024` },
      logscale: { doc: "comparison in a field filter", query: `DestinationPort${op}1024` },
    };
    conformance(
      {
        selection: `    DestinationPort|${modifier}: 1024`,
        match: [{ DestinationPort: yes }, { DestinationPort: String(yes) }],
        miss: [{ DestinationPort: no }, { DestinationPort: "high" }],
      },
      expected,
    );
  });

// sigma-appendix-modifiers.md, "Specific Modifiers": expand "Modifier for expansion of
// placeholders in values. The final behavior of the replacement is determined by processing
// pipeline transformations." Without values there is nothing to match: every target refuses.
describe("expand without values", () => {
  const none = (name: string) => new RegExp(`^placeholder %admins% has no values${name}`);
  conformance(
    {
      selection: "    User|expand: '%admins%'",
      match: [{ User: "root" }],
      miss: [],
      engineRefuses: /placeholder %admins%/,
    },
    {
      splunk: { doc: "refused by name", refused: none(" in the Splunk pipeline") },
      kql: { doc: "refused by name", refused: none(" in the KQL pipeline") },
      lucene: { doc: "refused by name", refused: none(" in the Lucene pipeline") },
      esql: { doc: "refused by name", refused: none(" in the ES\\|QL pipeline") },
      eql: { doc: "refused by name", refused: none(" in the EQL pipeline") },
      "yara-l": { doc: "refused by name", refused: none("; supply them in a values file") },
      logscale: { doc: "refused by name", refused: none("; supply them in a values file") },
    },
  );
});

// With a values file the placeholder becomes its values, any of which matches, each a Sigma
// string with wildcards (pySigma's value_placeholders transformation).
describe("expand with values", () => {
  conformance(
    {
      selection: "    User|expand: '%admins%'",
      placeholders: { admins: ["root", "adm*"] },
      match: [{ User: "ROOT" }, { User: "Administrator" }],
      miss: [{ User: "rooty" }, { User: "xadm" }],
    },
    {
      splunk: { doc: "IN list with the wildcard", query: 'User IN ("root", "adm*")' },
      kql: { doc: "=~ and startswith", query: kql('AccountName =~ "root" or AccountName startswith "adm"') },
      lucene: { doc: "(a OR b*) list", query: "user.name:(root OR adm*)" },
      esql: {
        doc: "== and LIKE on to_lower",
        query: esql('to_lower(user.name) == "root" or to_lower(user.name) like "adm*"'),
      },
      eql: { doc: ": list with the wildcard", query: eql('user.name : ("root", "adm*")') },
      "yara-l": {
        doc: "= nocase and a prefix regex",
        query: '$e.target.user.userid = "root" nocase or $e.target.user.userid = /(?s)^adm/ nocase',
      },
      logscale: { doc: "anchored regexes", query: "User=/^root$/i or User=/^adm/i" },
    },
  );
});
