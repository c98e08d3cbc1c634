// Conformance of Sigma v2.1's new modifiers (neq and the time modifiers) on every backend, pinned
// to the Sigma specification (sigma-appendix-modifiers.md v2.1.0) and to pySigma, which the
// specification leaves the details to: neq is SigmaNegateModifier (the whole item is negated, so
// the field differs from every value, and a missing field differs too), and a time modifier is a
// SigmaTimestampModifier (a number compared with a part of the date, combinable with gt/gte/lt/lte;
// weeks are ISO 8601 weeks, pySigma's %V). The engine reads dates as ISO 8601 in UTC.
import { describe, expect, it } from "vitest";
import { conformance } from "@/lib/sigma/conformance/modifier-harness";
import { parseSigma } from "@/lib/sigma/engine/parse";

const kql = (where: string) => `DeviceProcessEvents\n| where ${where}`;
const esql = (where: string) => `from logs-* metadata _id, _index, _version\n| where ${where}`;
const eql = (where: string) => `process where ${where}`;

const DOC = {
  splunk:
    "strftime() of epoch time with the %-variables (SearchReference: Date and time format variables), in | where",
  kql: "datetime_part() (KQL datetime_part; week_of_year is the ISO 8601 week)",
  esql: "DATE_EXTRACT() with a java.time ChronoField name (ES|QL DATE_EXTRACT)",
  lucene: /Lucene query syntax has no functions/,
  eql: /EQL has no date function/,
  logscale: /LogScale's time:hour\(\) and the other time functions assign a field/,
};

// sigma-appendix-modifiers.md, "Generic Modifiers": neq "The field is different from the
// specified values."
describe("neq (string)", () => {
  conformance(
    {
      selection: "    CommandLine|neq: foo",
      match: [{ CommandLine: "bar" }, { CommandLine: "foobar" }, { Other: "x" }],
      miss: [{ CommandLine: "foo" }, { CommandLine: "FOO" }],
    },
    {
      splunk: { doc: "NOT field=value (SearchReference: search)", query: 'NOT CommandLine="foo"' },
      kql: { doc: "not(=~) (KQL not())", query: kql('not(ProcessCommandLine =~ "foo")') },
      lucene: { doc: "NOT field:value (query string syntax)", query: "NOT process.command_line:foo" },
      esql: {
        doc: "not coalesce(…, false): a missing field differs too (ES|QL NULL values)",
        query: esql('not coalesce(to_lower(process.command_line) == "foo", false)'),
      },
      eql: { doc: "not field : value (EQL not)", query: eql('not process.command_line : "foo"') },
      "yara-l": {
        doc: "not … nocase (YARA-L not)",
        query: 'not $e.target.process.command_line = "foo" nocase',
      },
      logscale: { doc: "not field=/^…$/i (LogScale not)", query: "not CommandLine=/^foo$/i" },
    },
  );
});

describe("neq with several values: different from every one", () => {
  conformance(
    {
      selection: "    CommandLine|contains|neq:\n      - foo\n      - bar",
      match: [{ CommandLine: "baz" }, { Other: "foo" }],
      miss: [{ CommandLine: "xfoox" }, { CommandLine: "BAR" }],
    },
    {
      splunk: { doc: "NOT (field IN (…))", query: 'NOT (CommandLine IN ("*foo*", "*bar*"))' },
      kql: {
        doc: "not(… or …)",
        query: kql('not(ProcessCommandLine contains "foo" or ProcessCommandLine contains "bar")'),
      },
      lucene: { doc: "NOT (field:(… OR …))", query: "NOT (process.command_line:(*foo* OR *bar*))" },
      esql: {
        doc: "not coalesce(… or …, false)",
        query: esql(
          'not coalesce(to_lower(process.command_line) like "*foo*" or to_lower(process.command_line) like "*bar*", false)',
        ),
      },
      eql: { doc: "not (field : (…))", query: eql('not (process.command_line : ("*foo*", "*bar*"))') },
      "yara-l": {
        doc: "not (… or …)",
        query:
          "not ($e.target.process.command_line = /(?s)foo/ nocase or $e.target.process.command_line = /(?s)bar/ nocase)",
      },
      logscale: { doc: "not (… or …)", query: "not (CommandLine=/foo/i or CommandLine=/bar/i)" },
    },
  );
});

describe("neq with all: not every value", () => {
  conformance(
    {
      selection: "    CommandLine|contains|all|neq:\n      - foo\n      - bar",
      match: [{ CommandLine: "foo" }, { CommandLine: "bar" }, {}],
      miss: [{ CommandLine: "bar foo" }],
    },
    {
      splunk: { doc: "NOT (… …)", query: 'NOT (CommandLine="*foo*" CommandLine="*bar*")' },
      kql: {
        doc: "not(… and …)",
        query: kql('not(ProcessCommandLine contains "foo" and ProcessCommandLine contains "bar")'),
      },
      lucene: {
        doc: "NOT (… AND …)",
        query: "NOT (process.command_line:*foo* AND process.command_line:*bar*)",
      },
      esql: {
        doc: "not coalesce(… and …, false)",
        query: esql(
          'not coalesce(to_lower(process.command_line) like "*foo*" and to_lower(process.command_line) like "*bar*", false)',
        ),
      },
      eql: {
        doc: "not (… and …)",
        query: eql('not (process.command_line : "*foo*" and process.command_line : "*bar*")'),
      },
      "yara-l": {
        doc: "not (… and …)",
        query:
          "not ($e.target.process.command_line = /(?s)foo/ nocase and $e.target.process.command_line = /(?s)bar/ nocase)",
      },
      logscale: { doc: "not (… …)", query: "not (CommandLine=/foo/i CommandLine=/bar/i)" },
    },
  );
});

// sigma-appendix-modifiers.md, "Numeric Modifiers": neq "Field is not equal than the value".
describe("neq (number)", () => {
  conformance(
    {
      selection: "    DestinationPort|neq: 443",
      match: [{ DestinationPort: 80 }, { DestinationPort: "8443" }, {}],
      miss: [{ DestinationPort: 443 }, { DestinationPort: "443" }],
    },
    {
      splunk: { doc: "NOT field=n", query: "NOT DestinationPort=443" },
      kql: { doc: "not(==)", query: kql("not(DestinationPort == 443)") },
      lucene: { doc: "NOT field:n", query: "NOT destination.port:443" },
      esql: { doc: "not coalesce(==, false)", query: esql("not coalesce(destination.port == 443, false)") },
      eql: { doc: "not ==", query: eql("not destination.port == 443") },
      "yara-l": { doc: "not =", query: "not $e.target.port = 443" },
      logscale: { doc: "not field=n", query: "not DestinationPort=443" },
    },
  );
});

// sigma-appendix-modifiers.md, "Specific Modifiers": fieldref "Can be conbine with the neq modifier."
describe("fieldref|neq", () => {
  conformance(
    {
      selection: "    User|fieldref|neq: ParentUser",
      match: [
        { User: "alice", ParentUser: "bob" },
        { User: "alice", ParentUser: "alice2" },
      ],
      miss: [
        { User: "alice", ParentUser: "alice" },
        { User: "Alice", ParentUser: "ALICE" },
      ],
    },
    {
      splunk: {
        doc: "where NOT (lower()==lower())",
        query: "*\n| where NOT (lower('User')==lower('ParentUser'))",
      },
      kql: { doc: "not(=~) between columns", query: kql("not(AccountName =~ InitiatingProcessAccountName)") },
      lucene: { doc: "no field comparison", refused: /cannot compare field/ },
      esql: {
        doc: "not coalesce(to_lower() == to_lower(), false)",
        query: esql("not coalesce(to_lower(user.name) == to_lower(process.parent.user.name), false)"),
      },
      eql: { doc: "no field comparison", refused: /EQL cannot compare field/ },
      "yara-l": {
        doc: "not strings.to_lower() = strings.to_lower()",
        query: "not strings.to_lower($e.target.user.userid) = strings.to_lower($e.principal.user.userid)",
      },
      logscale: { doc: "not test(lower() == lower())", query: "not test(lower(User) == lower(ParentUser))" },
    },
  );
});

// sigma-appendix-modifiers.md, "Time Modifiers": "hour: number between 0 and 23."
describe("hour", () => {
  conformance(
    {
      selection: "    Timestamp|hour: 3",
      match: [
        { Timestamp: "2026-01-05T03:59:59Z" },
        { Timestamp: "2026-01-05T05:30:00+02:00" },
        { Timestamp: "2026-01-05 03:00:00" },
      ],
      miss: [{ Timestamp: "2026-01-05T04:00:00Z" }, { Timestamp: "03" }, { Timestamp: 3 }, {}],
    },
    {
      splunk: { doc: DOC.splunk, query: "*\n| where tonumber(strftime('Timestamp', \"%H\"))==3" },
      kql: { doc: DOC.kql, query: kql('datetime_part("hour", todatetime(Timestamp)) == 3') },
      lucene: { doc: "no functions in a query string", refused: DOC.lucene },
      esql: { doc: DOC.esql, query: esql('date_extract("hour_of_day", to_datetime(@timestamp)) == 3') },
      eql: { doc: "EQL functions include no date function", refused: DOC.eql },
      "yara-l": {
        doc: "timestamp.get_hour() of epoch seconds, GMT by default (YARA-L functions)",
        query: "timestamp.get_hour($e.metadata.event_timestamp.seconds) = 3",
      },
      logscale: { doc: "time:hour() assigns a field (LogScale time:hour())", refused: DOC.logscale },
    },
  );
});

// pySigma: a time modifier's number goes through gt/gte/lt/lte like any number.
describe("hour|gte", () => {
  conformance(
    {
      selection: "    Timestamp|hour|gte: 22",
      match: [{ Timestamp: "2026-01-05T22:00:00Z" }, { Timestamp: "2026-01-05T23:59:00Z" }],
      miss: [{ Timestamp: "2026-01-05T21:59:59Z" }, { Timestamp: "2026-01-05T00:00:00Z" }],
    },
    {
      splunk: { doc: DOC.splunk, query: "*\n| where tonumber(strftime('Timestamp', \"%H\"))>=22" },
      kql: { doc: DOC.kql, query: kql('datetime_part("hour", todatetime(Timestamp)) >= 22') },
      lucene: { doc: "no functions", refused: DOC.lucene },
      esql: { doc: DOC.esql, query: esql('date_extract("hour_of_day", to_datetime(@timestamp)) >= 22') },
      eql: { doc: "no date function", refused: DOC.eql },
      "yara-l": {
        doc: "timestamp.get_hour() compared with >=",
        query: "timestamp.get_hour($e.metadata.event_timestamp.seconds) >= 22",
      },
      logscale: { doc: "time:hour() assigns a field", refused: DOC.logscale },
    },
  );
});

describe("minute|lt", () => {
  conformance(
    {
      selection: "    Timestamp|minute|lt: 5",
      match: [{ Timestamp: "2026-01-05T10:04:59Z" }, { Timestamp: "2026-01-05T10:00:00.123Z" }],
      miss: [{ Timestamp: "2026-01-05T10:05:00Z" }],
    },
    {
      splunk: { doc: DOC.splunk, query: "*\n| where tonumber(strftime('Timestamp', \"%M\"))<5" },
      kql: { doc: DOC.kql, query: kql('datetime_part("minute", todatetime(Timestamp)) < 5') },
      lucene: { doc: "no functions", refused: DOC.lucene },
      esql: { doc: DOC.esql, query: esql('date_extract("minute_of_hour", to_datetime(@timestamp)) < 5') },
      eql: { doc: "no date function", refused: DOC.eql },
      "yara-l": {
        doc: "timestamp.get_minute()",
        query: "timestamp.get_minute($e.metadata.event_timestamp.seconds) < 5",
      },
      logscale: { doc: "time:minute() assigns a field", refused: DOC.logscale },
    },
  );
});

// "day: number between 1 and 31" (of the month); with neq a missing or undated field differs.
describe("day|neq", () => {
  conformance(
    {
      selection: "    Timestamp|day|neq: 1",
      match: [{ Timestamp: "2026-03-02T00:00:00Z" }, {}],
      miss: [{ Timestamp: "2026-03-01T23:59:59Z" }, { Timestamp: "2026-03-01" }],
    },
    {
      splunk: { doc: DOC.splunk, query: "*\n| where NOT (tonumber(strftime('Timestamp', \"%d\"))==1)" },
      kql: { doc: DOC.kql, query: kql('not(datetime_part("day", todatetime(Timestamp)) == 1)') },
      lucene: { doc: "no functions", refused: DOC.lucene },
      esql: {
        doc: DOC.esql,
        query: esql('not coalesce(date_extract("day_of_month", to_datetime(@timestamp)) == 1, false)'),
      },
      eql: { doc: "no date function", refused: DOC.eql },
      "yara-l": {
        doc: "no YARA-L function gives the day of month as a number",
        refused: /not the day as a number/,
      },
      logscale: { doc: "time:dayOfMonth() assigns a field", refused: DOC.logscale },
    },
  );
});

// "week: number between 1 and 52": the ISO 8601 week (pySigma's %V). 1 January 2026 is a
// Thursday, so week 1 runs from Monday 29 December 2025 to Sunday 4 January 2026.
describe("week", () => {
  conformance(
    {
      selection: "    Timestamp|week: 1",
      match: [{ Timestamp: "2025-12-29T10:00:00Z" }, { Timestamp: "2026-01-04T23:00:00Z" }],
      miss: [{ Timestamp: "2026-01-05T00:00:00Z" }, { Timestamp: "2027-01-01T00:00:00Z" }],
    },
    {
      splunk: { doc: DOC.splunk, query: "*\n| where tonumber(strftime('Timestamp', \"%V\"))==1" },
      kql: { doc: DOC.kql, query: kql('datetime_part("week_of_year", todatetime(Timestamp)) == 1') },
      lucene: { doc: "no functions", refused: DOC.lucene },
      esql: {
        doc: "DATE_EXTRACT's aligned_week_of_year counts from 1 January, not ISO 8601",
        refused: /ES\|QL DATE_EXTRACT has no ISO 8601 week/,
      },
      eql: { doc: "no date function", refused: DOC.eql },
      "yara-l": {
        doc: "timestamp.get_week() counts Sunday-based weeks from 0",
        refused: /not the ISO 8601 week as a number/,
      },
      logscale: { doc: "time functions assign a field", refused: DOC.logscale },
    },
  );
});

describe("month and year", () => {
  conformance(
    {
      selection: "    Timestamp|month: 12\n    Timestamp|year|gte: 2026",
      // An offset is applied: 00:00 on 1 January 2027 at +01:00 is 31 December 2026 in UTC.
      match: [
        { Timestamp: "2026-12-31T23:59:59Z" },
        { Timestamp: "2030-12-01" },
        { Timestamp: "2027-01-01T00:00:00+01:00" },
      ],
      miss: [{ Timestamp: "2025-12-31T23:59:59Z" }, { Timestamp: "2026-11-30T23:59:59Z" }],
    },
    {
      splunk: {
        doc: DOC.splunk,
        query:
          "*\n| where tonumber(strftime('Timestamp', \"%m\"))==12\n| where tonumber(strftime('Timestamp', \"%Y\"))>=2026",
      },
      kql: {
        doc: DOC.kql,
        query: kql(
          'datetime_part("month", todatetime(Timestamp)) == 12 and datetime_part("year", todatetime(Timestamp)) >= 2026',
        ),
      },
      lucene: { doc: "no functions", refused: DOC.lucene },
      esql: {
        doc: DOC.esql,
        query: esql(
          'date_extract("month_of_year", to_datetime(@timestamp)) == 12 and date_extract("year", to_datetime(@timestamp)) >= 2026',
        ),
      },
      eql: { doc: "no date function", refused: DOC.eql },
      "yara-l": { doc: "no month function", refused: /not the month as a number/ },
      logscale: { doc: "time functions assign a field", refused: DOC.logscale },
    },
  );
});

describe("validation of the v2.1 modifiers", () => {
  const diagnose = (selection: string) => {
    const text = `title: Probe\nlogsource: { product: windows }\ndetection:\n  selection:\n${selection}\n  condition: selection\n`;
    return parseSigma(text).diagnostics.filter((d) => d.severity === "error");
  };

  it("a time part outside the specification's range is an error at the value", () => {
    expect(diagnose("    Timestamp|hour: 24")).toMatchObject([
      {
        message: expect.stringMatching(/hour needs a whole number from 0 to 23, not 24/),
        line: 5,
        column: 21,
      },
    ]);
    expect(diagnose("    Timestamp|week: 53")[0]?.message).toMatch(/from 1 to 52/);
    expect(diagnose("    Timestamp|minute: 1.5")[0]?.message).toMatch(/whole number/);
    expect(diagnose("    Timestamp|month: '3'")[0]?.message).toMatch(/whole number/);
  });

  it("a time part takes no string modifiers, one part only, and a field", () => {
    expect(diagnose("    Timestamp|hour|contains: 3")[0]).toMatchObject({
      message: expect.stringMatching(/hour cannot be combined with contains/),
      line: 5,
      column: 5,
    });
    expect(diagnose("    Timestamp|hour|minute: 3")[0]?.message).toMatch(
      /hour and minute cannot be combined/,
    );
    expect(diagnose("    '|hour': 3")[0]?.message).toMatch(/the time modifier hour needs a field/);
  });

  // sigma-appendix-modifiers.md, "Generic Modifiers": "Single item values are not allowed to have
  // an all modifier as some back-ends cannot support it."
  it("all with a single value is an error at the key, scalar or one-item list", () => {
    expect(diagnose("    CommandLine|contains|all: foo")).toMatchObject([
      { message: expect.stringMatching(/all with a single value is not allowed/), line: 5, column: 5 },
    ]);
    expect(diagnose("    CommandLine|contains|all:\n      - foo")).toMatchObject([{ line: 5, column: 5 }]);
    expect(diagnose("    CommandLine|contains|all:\n      - foo\n      - bar")).toEqual([]);
  });
});
