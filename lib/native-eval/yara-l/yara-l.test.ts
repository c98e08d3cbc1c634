import { describe, expect, it } from "vitest";
import type { PlatformEvent } from "@/lib/native-eval/types";
import { yaraLEvaluator } from "@/lib/native-eval/yara-l";

// Each case pins a rule of Google's YARA-L 2.0 documentation:
// https://cloud.google.com/chronicle/docs/detection/yara-l-2-0-syntax (syntax),
// https://cloud.google.com/chronicle/docs/detection/yara-l-2-0-functions (functions),
// https://cloud.google.com/chronicle/docs/detection/yara-l-issues (repeated-field unnesting).
const SYNTAX = "yara-l-2-0-syntax";

function run(rule: string, events: PlatformEvent[]) {
  const result = yaraLEvaluator.evaluate({
    query: rule,
    sources: [{ name: "UDM", events: events.map((e, i) => ({ __sample: `e${i}`, ...e })) }],
    now: new Date("2026-11-29T12:00:00Z"),
  });
  if (result.kind !== "evaluated") throw new Error(`not evaluated: ${result.construct}`);
  return { matched: events.map((_, i) => result.decisions.get(`e${i}`)!.matched), result };
}

const single = (events: string) =>
  `rule r {\n  meta:\n    author = "x"\n  events:\n${events}\n  condition:\n    $e\n}`;
const launch = (path: string, cmd = "", host = "ws1", t = "2026-11-29T11:00:00Z") => ({
  metadata: { event_type: "PROCESS_LAUNCH", event_timestamp: { seconds: Date.parse(t) / 1000, nanos: 0 } },
  principal: { hostname: host, ip: ["10.0.0.5", "203.0.113.9"] },
  target: { process: { file: { full_path: path }, command_line: cmd } },
});

describe("YARA-L 2.0 evaluator", () => {
  it(`${SYNTAX}#nocase: string equality is case-sensitive unless nocase is given`, () => {
    const docs = [launch("C:\\Windows\\System32\\WMIC.exe"), launch("C:\\Windows\\System32\\wmic.exe")];
    const path = (mod: string) =>
      single(
        `    $e.metadata.event_type = "PROCESS_LAUNCH"\n    $e.target.process.file.full_path = "C:\\\\Windows\\\\System32\\\\wmic.exe"${mod}`,
      );
    expect(run(path(""), docs).matched).toEqual([false, true]);
    expect(run(path(" nocase"), docs).matched).toEqual([true, true]);
  });

  it("yara-l-2-0-functions/re-regex: /regex/ is RE2 matching a substring, anchored only by ^ and $; nocase ignores case", () => {
    const docs = [launch("C:\\Tools\\WMIC.exe.bak"), launch("C:\\Windows\\wmic.exe")];
    expect(run(single("    $e.target.process.file.full_path = /\\\\wmic\\.exe/"), docs).matched).toEqual([
      false,
      true,
    ]);
    expect(
      run(single("    $e.target.process.file.full_path = /\\\\wmic\\.exe/ nocase"), docs).matched,
    ).toEqual([true, true]);
    expect(
      run(single("    $e.target.process.file.full_path = /\\\\wmic\\.exe$/ nocase"), docs).matched,
    ).toEqual([false, true]);
    expect(
      run(single("    re.regex($e.target.process.file.full_path, `(?i)\\\\WMIC`)"), docs).matched,
    ).toEqual([true, true]);
  });

  it("yara-l-2-0-functions/re-regex: without (?s) a regex reads the first line only; RE2 flags (?ims) set . over newlines, multi-line ^ $ and case", () => {
    const docs = [launch("a", "cmd /c\nInvoke-Mimikatz"), launch("a", "begin\nend")];
    const cmd = (re: string) => single(`    $e.target.process.command_line = ${re}`);
    expect(run(cmd("/Invoke-Mimikatz/"), docs).matched).toEqual([false, false]);
    expect(run(cmd("/(?s)Invoke-Mimikatz/"), docs).matched).toEqual([true, false]);
    expect(run(cmd("/(?s)begin.end/"), docs).matched).toEqual([false, true]);
    expect(run(cmd("/(?ms)^END$/ nocase"), docs).matched).toEqual([false, true]);
    expect(run(cmd("/(?is)^BEGIN.END$/"), docs).matched).toEqual([false, true]);
    expect(
      yaraLEvaluator.evaluate({
        query: cmd("/(?U)a+/"),
        sources: [{ name: "UDM", events: docs }],
        now: new Date(),
      }),
    ).toEqual({
      kind: "not-evaluated",
      construct: "RE2 flags (?U)",
    });
  });

  it(`${SYNTAX}: an unset UDM string field is "" so != "" drops it, and not inverts a predicate`, () => {
    const docs = [launch("a", "x"), launch("a")];
    expect(run(single('    $e.target.process.command_line != ""'), docs).matched).toEqual([true, false]);
    expect(run(single('    not $e.target.process.command_line = "x"'), docs).matched).toEqual([false, true]);
  });

  it("yara-l-issues: a repeated field is unnested, so each element is tested on its own", () => {
    const rule = single(
      '    $e.metadata.event_type = "PROCESS_LAUNCH"\n    not net.ip_in_range_cidr($e.principal.ip, "10.0.0.0/8")',
    );
    // One of the two addresses is outside 10/8: that instance satisfies the rule.
    expect(run(rule, [launch("a")]).matched).toEqual([true]);
    const inside = { ...launch("a"), principal: { hostname: "ws1", ip: ["10.0.0.5"] } };
    expect(run(rule, [inside]).matched).toEqual([false]);
  });

  it(`${SYNTAX}#match_section_syntax: placeholders join events, the match window bounds them, #e counts events`, () => {
    const rule = `rule burst {
  meta:
    author = "x"
  events:
    $e.metadata.event_type = "PROCESS_LAUNCH"
    $e.principal.hostname = $host
  match:
    $host over 10m
  outcome:
    $distinct = count_distinct($e.target.process.file.full_path)
  condition:
    #e >= 3 and $distinct >= 2
}`;
    const at = (m: number) => `2026-11-29T11:${String(m).padStart(2, "0")}:00Z`;
    const docs = [
      launch("a", "", "ws1", at(0)),
      launch("b", "", "ws1", at(2)),
      launch("b", "", "ws1", at(5)),
      launch("a", "", "ws2", at(0)),
      launch("b", "", "ws2", at(9)),
      launch("c", "", "ws2", at(30)),
    ];
    expect(run(rule, docs).matched).toEqual([true, true, true, false, false, false]);
  });

  it(`${SYNTAX}#condition_section_syntax: #placeholder counts the placeholder's distinct values in the match window`, () => {
    const rule = `rule spray {
  meta:
    author = "x"
  events:
    $e.principal.hostname = $host
    $e.target.process.file.full_path = $path
  match:
    $host over 10m
  condition:
    #path >= 2
}`;
    const docs = [launch("a", "", "h1"), launch("a", "", "h1"), launch("a", "", "h2"), launch("b", "", "h2")];
    expect(run(rule, docs).matched).toEqual([false, false, true, true]);
  });

  it(`${SYNTAX}: a zero value of a match variable drops the event`, () => {
    const rule = `rule z {
  meta:
    author = "x"
  events:
    $e.principal.hostname = $host
  match:
    $host over 10m
  condition:
    $e
}`;
    expect(run(rule, [launch("a", "", ""), launch("a", "", "ws1")]).matched).toEqual([false, true]);
  });

  it(`${SYNTAX}: two event variables joined by a placeholder, ordered by timestamps`, () => {
    const rule = `rule two {
  meta:
    author = "x"
  events:
    $a.target.process.file.full_path = "first"
    $a.principal.hostname = $host
    $b.target.process.file.full_path = "second"
    $b.principal.hostname = $host
    $a.metadata.event_timestamp.seconds <= $b.metadata.event_timestamp.seconds
  match:
    $host over 5m
  condition:
    $a and $b
}`;
    const ok = run(rule, [
      launch("first", "", "h", "2026-11-29T11:00:00Z"),
      launch("second", "", "h", "2026-11-29T11:01:00Z"),
    ]);
    expect(ok.matched).toEqual([true, true]);
    const reversed = run(rule, [
      launch("first", "", "h", "2026-11-29T11:02:00Z"),
      launch("second", "", "h", "2026-11-29T11:01:00Z"),
    ]);
    expect(reversed.matched).toEqual([false, false]);
    const otherHost = run(rule, [
      launch("first", "", "h", "2026-11-29T11:00:00Z"),
      launch("second", "", "g", "2026-11-29T11:01:00Z"),
    ]);
    expect(otherHost.matched).toEqual([false, false]);
  });

  it("names the statement that rejected an event, and refuses what it does not implement", () => {
    const { result } = run(
      single('    $e.metadata.event_type = "PROCESS_LAUNCH"\n    $e.target.process.command_line = /lsass/'),
      [launch("a", "x")],
    );
    expect(result.kind === "evaluated" && result.decisions.get("e0")).toEqual({
      matched: false,
      clause: "$e.target.process.command_line = /lsass/",
    });
    for (const body of [
      '    any $e.principal.ip = "1.2.3.4"',
      '    hash.sha256($e.target.file.full_path) = "x"',
    ]) {
      expect(yaraLEvaluator.evaluate({ query: single(body), sources: [], now: new Date() }).kind).toBe(
        "not-evaluated",
      );
    }
  });
});
