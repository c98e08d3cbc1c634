// The probe rules of the Sigma conformance suite (lib/sigma/conformance/*.test.ts keeps them
// inline, beside each backend's exact output), restated as detections for the native cross-check:
// every modifier and every condition form, each with the events that suite checks the engine on.
// A probe's events are only inputs here: the engine decides which of them match.
import type { Placeholders } from "@/lib/sigma/backends/placeholders";
import type { Shape } from "./sigma-native";

type Event = Record<string, unknown>;

export type CrossProbe = {
  name: string;
  detection: Record<string, unknown>;
  events: Event[];
  shape?: Shape;
  placeholders?: Placeholders;
};

const b64 = (text: string, encoding: BufferEncoding = "utf8") =>
  Buffer.from(text, encoding).toString("base64");
const sel = (selection: Record<string, unknown>) => ({ selection, condition: "selection" });
const cl = (...values: string[]) => values.map((CommandLine) => ({ CommandLine }));

const dashes = [" -enc ", " /enc ", " \u2013enc ", " \u2014enc ", " \u2015enc "];

/** Modifiers (modifiers-*.test.ts up to v2.0) and plain values (plain-values.test.ts). */
const values: CrossProbe[] = [
  {
    name: "contains",
    detection: sel({ "CommandLine|contains": "Invoke-Mimikatz" }),
    events: cl("powershell IEX; invoke-mimikatz -dump", "Invoke-Mimi katz"),
  },
  {
    name: "startswith",
    detection: sel({ "CommandLine|startswith": "powershell" }),
    events: cl("PowerShell.exe -nop", "x powershell"),
  },
  {
    name: "endswith",
    detection: sel({ "CommandLine|endswith": "\\cmd.exe" }),
    events: cl("C:\\Windows\\System32\\CMD.EXE", "C:\\cmd.exe.bak", "xcmd.exe"),
  },
  {
    name: "contains|all",
    detection: sel({ "CommandLine|contains|all": ["-nop", "hidden"] }),
    events: cl("powershell -w hidden -nop", "powershell -nop"),
  },
  {
    name: "cased",
    detection: sel({ "CommandLine|cased": "PowerShell" }),
    events: cl("PowerShell", "powershell"),
  },
  {
    name: "cased|contains",
    detection: sel({ "CommandLine|cased|contains": "PowerShell" }),
    events: cl("x PowerShell y", "x powershell y"),
  },
  {
    name: "windash|contains",
    detection: sel({ "CommandLine|windash|contains": " -enc " }),
    events: [...dashes.map((d) => `powershell${d}SQBFAFgA`), "powershell enc x", "powershell +enc x"].map(
      (CommandLine) => ({ CommandLine }),
    ),
  },
  {
    name: "windash|contains|all",
    detection: sel({ "CommandLine|windash|contains|all": ["-a", "-b"] }),
    events: cl("x /a \u2014b", "x /a", "x a b"),
  },
  { name: "base64", detection: sel({ "CommandLine|base64": "cmd" }), events: cl("Y21k", "cmd", "xY21k") },
  {
    name: "base64offset|contains",
    detection: sel({ "CommandLine|base64offset|contains": "http" }),
    events: [
      ...["http://x", "Ahttp://x", "ABhttp://x"].map((s) => `-e ${b64(s)}`),
      "http://x",
      b64("htt://x"),
    ].map((CommandLine) => ({ CommandLine })),
  },
  {
    name: "utf16le|base64",
    detection: sel({ "CommandLine|utf16le|base64": "cmd" }),
    events: cl(b64("cmd", "utf16le"), b64("cmd")),
  },
  {
    name: "utf16be|base64",
    detection: sel({ "CommandLine|utf16be|base64": "cmd" }),
    events: cl(Buffer.from([0, 0x63, 0, 0x6d, 0, 0x64]).toString("base64"), b64("cmd", "utf16le")),
  },
  {
    name: "utf16|base64",
    detection: sel({ "CommandLine|utf16|base64": "cmd" }),
    events: cl(
      Buffer.from([0xff, 0xfe, 0x63, 0, 0x6d, 0, 0x64, 0]).toString("base64"),
      b64("cmd", "utf16le"),
    ),
  },
  {
    name: "wide|base64offset|contains",
    detection: sel({ "CommandLine|wide|base64offset|contains": "cmd" }),
    events: [
      ...["cmd /c", "xcmd /c", "x cmd /c"].map((s) => `-enc ${b64(s, "utf16le")}`),
      `-enc ${b64("cmd /c")}`,
    ].map((CommandLine) => ({ CommandLine })),
  },
  {
    name: "re",
    detection: sel({ "CommandLine|re": "^mimi.*\\.exe" }),
    events: cl("mimikatz.exe privilege::debug", "MIMIKATZ.EXE", "mimi\n.exe", "x mimikatz.exe"),
  },
  {
    name: "re|i",
    detection: sel({ "CommandLine|re|i": "mimi.*katz" }),
    events: cl("x MIMI-KATZ y", "mimi\nkatz"),
  },
  { name: "re|m", detection: sel({ "CommandLine|re|m": "^evil$" }), events: cl("a\nevil\nb", "a evil b") },
  {
    name: "re|s",
    detection: sel({ "CommandLine|re|s": "begin.end" }),
    events: cl("x begin\nend y", "beginend"),
  },
  {
    name: "re with \\s and \\t",
    detection: sel({ "CommandLine|re": "a\\sb\\tc" }),
    events: cl("a b\tc", "xa\nb\tcx", "atbtc", "a b c"),
  },
  {
    name: "re|ignorecase|multiline|dotall",
    detection: sel({ "CommandLine|re|ignorecase|multiline|dotall": "A.B" }),
    events: cl("xa\nby", "ab"),
  },
  {
    name: "re|i with a class range",
    detection: sel({ "CommandLine|re|i": "id=[a-f]+;" }),
    events: cl("ID=CAFE;", "x id=beef; y", "id=cafg;"),
  },
  {
    name: "cidr (IPv4)",
    shape: "network",
    detection: sel({ "DestinationIp|cidr": "10.0.0.0/8" }),
    events: ["10.1.2.3", "10.255.255.255", "11.0.0.1", "9.255.255.255"].map((DestinationIp) => ({
      DestinationIp,
    })),
  },
  {
    name: "cidr (IPv6)",
    shape: "network",
    detection: sel({ "DestinationIp|cidr": "fe80::/10" }),
    events: ["fe80::1", "FEBF::abcd", "fec0::1", "10.0.0.1"].map((DestinationIp) => ({ DestinationIp })),
  },
  {
    name: "exists: true",
    detection: sel({ "CommandLine|exists": true }),
    events: [{ CommandLine: "x" }, { CommandLine: "" }, { Other: "x" }, { CommandLine: null }],
  },
  {
    name: "exists: false",
    detection: sel({ "CommandLine|exists": false }),
    events: [{ Other: "x" }, { CommandLine: "x" }, { CommandLine: "" }],
  },
  {
    name: "fieldref",
    detection: sel({ "User|fieldref": "ParentUser" }),
    events: [{ User: "Bob", ParentUser: "bob" }, { User: "bob", ParentUser: "alice" }, { User: "bob" }],
  },
  {
    name: "fieldref|startswith",
    detection: sel({ "User|fieldref|startswith": "ParentUser" }),
    events: [
      { User: "bob-admin", ParentUser: "BOB" },
      { User: "admin-bob", ParentUser: "bob" },
    ],
  },
  ...(
    [
      ["gt", 1025, 1024],
      ["gte", 1024, 1023],
      ["lt", 1023, 1024],
      ["lte", 1024, 1025],
    ] as const
  ).map(([m, yes, no]) => ({
    name: m,
    shape: "network" as const,
    detection: sel({ [`DestinationPort|${m}`]: 1024 }),
    // "high" is not stored by a typed store (the port is an integer there), so it reads as absent;
    // 0 is what UDM reads for an absent integer.
    events: [...[yes, String(yes), no, "high", 0].map((DestinationPort) => ({ DestinationPort })), {}],
  })),
  {
    name: "expand with values",
    detection: sel({ "User|expand": "%admins%" }),
    placeholders: { admins: ["root", "adm*"] },
    events: [{ User: "ROOT" }, { User: "Administrator" }, { User: "rooty" }, { User: "xadm" }],
  },
  {
    name: "plain value",
    detection: sel({ CommandLine: 'cmd /c "whoami"' }),
    events: cl('CMD /C "WhoAmI"', 'cmd /c "whoami" /all', 'x cmd /c "whoami"'),
  },
  {
    name: "wildcards * and ?",
    detection: sel({ CommandLine: "who*mi?.exe" }),
    events: cl("WHO\nAMIx.exe", "whoami.exe", "whoamix.exe "),
  },
  { name: "escaped \\*", detection: sel({ CommandLine: "a\\*b" }), events: cl("A*B", "axb") },
  {
    name: "escaped \\\\ before *",
    detection: sel({ CommandLine: "C:\\Temp\\\\*" }),
    events: cl("c:\\temp\\evil.exe", "C:\\Temp*", "C:\\TempX"),
  },
  {
    name: "plain number",
    shape: "network",
    detection: sel({ DestinationPort: 4444 }),
    events: [4444, "4444", 44444, "4444a"].map((DestinationPort) => ({ DestinationPort })),
  },
  {
    name: "empty string",
    detection: sel({ CommandLine: "" }),
    events: [{ CommandLine: "" }, { CommandLine: " " }, {}],
  },
  {
    name: "null",
    detection: sel({ CommandLine: null }),
    events: [{}, { CommandLine: null }, { CommandLine: "x" }],
  },
];

const ts = (...values: unknown[]) => values.map((Timestamp) => ({ Timestamp }));

/** Sigma v2.1's neq and time modifiers (modifiers-v21.test.ts). */
const v21: CrossProbe[] = [
  {
    name: "neq",
    detection: sel({ "CommandLine|neq": "foo" }),
    events: [...cl("bar", "foobar"), { Other: "x" }, ...cl("foo", "FOO")],
  },
  {
    name: "contains|neq with several values",
    detection: sel({ "CommandLine|contains|neq": ["foo", "bar"] }),
    events: [...cl("baz"), { Other: "foo" }, ...cl("xfoox", "BAR")],
  },
  {
    name: "contains|all|neq",
    detection: sel({ "CommandLine|contains|all|neq": ["foo", "bar"] }),
    events: [...cl("foo", "bar"), {}, ...cl("bar foo")],
  },
  {
    name: "neq (number)",
    shape: "network",
    detection: sel({ "DestinationPort|neq": 443 }),
    events: [
      { DestinationPort: 80 },
      { DestinationPort: "8443" },
      {},
      { DestinationPort: 443 },
      { DestinationPort: "443" },
    ],
  },
  {
    name: "fieldref|neq",
    detection: sel({ "User|fieldref|neq": "ParentUser" }),
    events: [
      { User: "alice", ParentUser: "bob" },
      { User: "alice", ParentUser: "alice2" },
      { User: "alice", ParentUser: "alice" },
      { User: "Alice", ParentUser: "ALICE" },
    ],
  },
  {
    name: "hour",
    detection: sel({ "Timestamp|hour": 3 }),
    events: [
      ...ts(
        "2026-01-05T03:59:59Z",
        "2026-01-05T05:30:00+02:00",
        "2026-01-05 03:00:00",
        "2026-01-05T04:00:00Z",
        "03",
        3,
      ),
      {},
    ],
  },
  {
    name: "hour|gte",
    detection: sel({ "Timestamp|hour|gte": 22 }),
    events: ts(
      "2026-01-05T22:00:00Z",
      "2026-01-05T23:59:00Z",
      "2026-01-05T21:59:59Z",
      "2026-01-05T00:00:00Z",
    ),
  },
  {
    name: "minute|lt",
    detection: sel({ "Timestamp|minute|lt": 5 }),
    events: ts("2026-01-05T10:04:59Z", "2026-01-05T10:00:00.123Z", "2026-01-05T10:05:00Z"),
  },
  {
    name: "day|neq",
    detection: sel({ "Timestamp|day|neq": 1 }),
    events: [...ts("2026-03-02T00:00:00Z"), {}, ...ts("2026-03-01T23:59:59Z", "2026-03-01")],
  },
  {
    name: "week",
    detection: sel({ "Timestamp|week": 1 }),
    events: ts(
      "2025-12-29T10:00:00Z",
      "2026-01-04T23:00:00Z",
      "2026-01-05T00:00:00Z",
      "2027-01-01T00:00:00Z",
    ),
  },
  {
    name: "month and year",
    detection: sel({ "Timestamp|month": 12, "Timestamp|year|gte": 2026 }),
    events: ts(
      "2026-12-31T23:59:59Z",
      "2030-12-01",
      "2027-01-01T00:00:00+01:00",
      "2025-12-31T23:59:59Z",
      "2026-11-30T23:59:59Z",
    ),
  },
];

const A = { Image: "a.exe" };
const B = { CommandLine: "b" };
const C = { User: "c" };

/** Condition forms (conditions.test.ts), with both of its events and a few more. */
const conditions: CrossProbe[] = [
  [
    "and",
    { a: A, b: B, condition: "a and b" },
    [
      { Image: "A.EXE", CommandLine: "b" },
      { Image: "a.exe", CommandLine: "c" },
    ],
  ],
  [
    "or",
    { a: A, b: B, condition: "a or b" },
    [{ Image: "x", CommandLine: "B" }, { Image: "x", CommandLine: "c" }, { Image: "a.exe" }],
  ],
  [
    "not",
    { a: A, b: B, condition: "a and not b" },
    [{ Image: "a.exe" }, { Image: "a.exe", CommandLine: "B" }, { Image: "a.exe", CommandLine: "x" }],
  ],
  [
    "precedence",
    { a: A, b: B, c: C, condition: "not a and b or c" },
    [{ Image: "a.exe", User: "c" }, { Image: "a.exe", CommandLine: "b" }, { CommandLine: "b" }],
  ],
  [
    "parentheses",
    { a: A, b: B, c: C, condition: "a and (b or c)" },
    [
      { Image: "a.exe", User: "c" },
      { Image: "x", User: "c" },
      { Image: "a.exe", CommandLine: "b" },
    ],
  ],
  [
    "1 of pattern",
    { sel_a: A, sel_b: B, other: C, condition: "1 of sel_* and other" },
    [
      { CommandLine: "b", User: "c" },
      { Image: "a.exe", CommandLine: "b" },
    ],
  ],
  [
    "all of pattern",
    { sel_a: A, sel_b: B, other: C, condition: "all of sel_* or other" },
    [{ Image: "a.exe", CommandLine: "b" }, { Image: "a.exe", User: "x" }, { User: "c" }],
  ],
  ["1 of them", { a: A, b: B, _c: C, condition: "1 of them" }, [{ CommandLine: "b" }, { User: "c" }]],
  [
    "all of them",
    { a: A, b: B, _c: C, condition: "all of them" },
    [
      { Image: "a.exe", CommandLine: "b" },
      { Image: "a.exe", User: "c" },
    ],
  ],
  [
    "condition list",
    { a: A, b: B, condition: ["a", "b"] },
    [{ CommandLine: "b" }, { CommandLine: "c" }, { Image: "a.exe" }],
  ],
  [
    "list of values",
    { sel: { Image: ["a.exe", "b.exe"] }, condition: "sel" },
    [{ Image: "B.exe" }, { Image: "c.exe" }],
  ],
  [
    "map",
    { sel: { ...A, ...B, ...C }, condition: "sel" },
    [
      { Image: "a.exe", CommandLine: "b", User: "C" },
      { Image: "a.exe", CommandLine: "b" },
    ],
  ],
  [
    "list of maps",
    { sel: [{ ...A, ...B }, C], condition: "sel" },
    [{ User: "c" }, { Image: "a.exe", CommandLine: "x" }, { Image: "a.exe", CommandLine: "b" }],
  ],
  [
    "not null",
    { a: A, f: { User: null }, condition: "a and not f" },
    [{ Image: "a.exe", User: "x" }, { Image: "a.exe" }],
  ],
  [
    "null in a selection",
    { sel: { ...A, User: null }, condition: "sel" },
    [{ Image: "a.exe" }, { Image: "a.exe", User: "x" }],
  ],
  [
    "empty string in a selection",
    { sel: { ...A, User: "" }, condition: "sel" },
    [{ Image: "a.exe", User: "" }, { Image: "a.exe" }],
  ],
  [
    "keywords",
    { keywords: ["evil", "bad thing"], condition: "keywords" },
    [{ CommandLine: "run the BAD THING now" }, { CommandLine: "bad" }],
  ],
  [
    "keywords |all",
    { keywords: { "|all": ["evil", "bad thing"] }, condition: "keywords" },
    [{ CommandLine: "evil", User: "a bad thing" }, { CommandLine: "evil" }],
  ],
].map(([name, detection, events]) => ({ name, detection, events }) as CrossProbe);

export const PROBES: CrossProbe[] = [...values, ...v21, ...conditions];
