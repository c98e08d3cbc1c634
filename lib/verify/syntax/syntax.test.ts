// Each language check accepts a realistic query and rejects the broken variants content writers
// actually produce: unbalanced brackets, unclosed strings, unknown commands and structure errors.
import { describe, expect, it } from "vitest";
import { checkEql } from "@/lib/verify/syntax/eql";
import { checkEsql } from "@/lib/verify/syntax/esql";
import { checkLogScale } from "@/lib/verify/syntax/logscale";
import { checkSpl } from "@/lib/verify/syntax/spl";
import { checkYaraL } from "@/lib/verify/syntax/yara-l";
import type { QueryChecker } from "@/lib/verify/types";

const messages = (check: QueryChecker, text: string) =>
  check(text).map((p) => `${p.line}:${p.column} ${p.message}`);

describe("SPL", () => {
  const good = `index=wineventlog EventCode=4688 New_Process_Name="*\\\\rundll32.exe" \`security_content_ctime(firstTime)\`
| eval cmd=lower(Process_Command_Line) \`\`\`a comment with | pipes and ( brackets\`\`\`
| where match(cmd, "comsvcs.*(minidump|#24)") AND NOT like(user, "svc-%")
| search NOT [| inputlookup allowed_hosts.csv | fields host]
| stats count min(_time) AS firstTime BY host user cmd`;
  it("accepts a realistic search with macros, comments and a subsearch", () => {
    expect(messages(checkSpl, good)).toEqual([]);
  });
  it("rejects an unknown command after a pipe", () => {
    expect(messages(checkSpl, "index=x | stast count by host")).toEqual([
      '1:11 "stast" is not an SPL command',
    ]);
  });
  it("rejects a leading pipe without a generating command", () => {
    expect(messages(checkSpl, "| stats count")[0]).toContain("not a generating command");
  });
  it("rejects an unclosed string and an unbalanced bracket", () => {
    expect(messages(checkSpl, 'index=x | where match(cmd, "abc)')[0]).toContain("never closed");
    expect(messages(checkSpl, "index=x | eval a=if(b=1, 2, 3")).toEqual(['1:20 "(" is never closed']);
  });
  it("rejects an empty pipeline stage", () => {
    expect(messages(checkSpl, "index=x | | stats count")[0]).toContain("must be followed by a command");
  });
});

describe("ES|QL", () => {
  const good = `FROM logs-endpoint.events.process-* METADATA _id
| WHERE event.type == "start" AND process.name IN ("rundll32.exe") // trailing comment ( not code
| EVAL cmd = TO_LOWER(process.command_line), \`odd name\` = 1
| WHERE cmd LIKE """*comsvcs*""" OR cmd RLIKE ".*minidump.*"
| STATS n = COUNT(*) BY host.name
| SORT n DESC
| LIMIT 100`;
  it("accepts a realistic query", () => {
    expect(messages(checkEsql, good)).toEqual([]);
  });
  it("requires a source command first", () => {
    expect(messages(checkEsql, "WHERE a == 1")[0]).toContain("starts with FROM, ROW, SHOW or TS");
  });
  it("rejects an unknown processing command", () => {
    expect(messages(checkEsql, "FROM logs-* | FILTER a == 1")).toEqual([
      '1:15 "FILTER" is not an ES|QL processing command',
    ]);
  });
  it("rejects = for equality in WHERE and single-quoted strings", () => {
    expect(messages(checkEsql, 'FROM logs-* | WHERE a = "b"')[0]).toContain('compares with "=="');
    expect(messages(checkEsql, "FROM logs-* | WHERE a == 'b'")[0]).toContain("double quotes");
  });
  it("rejects unbalanced brackets and unclosed strings", () => {
    expect(messages(checkEsql, "FROM logs-* | EVAL a = TO_LOWER(b")[0]).toContain("never closed");
    expect(messages(checkEsql, 'FROM logs-* | WHERE a == "b')[0]).toContain("never closed");
  });
});

describe("EQL", () => {
  const good = `sequence by host.id with maxspan=1m
  [process where event.type == "start" and process.name : ("rundll32.exe", "*.tmp") and
     process.command_line regex~ """.*comsvcs.*"""] by process.entity_id
  [file where event.action == "creation" and file.path : "?:\\\\Windows\\\\Temp\\\\*"] by process.entity_id
| head 10`;
  it("accepts a sequence, event queries and sample", () => {
    expect(messages(checkEql, good)).toEqual([]);
    expect(messages(checkEql, 'registry where registry.path : "*\\\\Run\\\\*" // why')).toEqual([]);
    expect(
      messages(checkEql, "sample by host.id [process where true] [network where destination.port == 443]"),
    ).toEqual([]);
  });
  it("rejects unknown event categories and a missing where", () => {
    expect(messages(checkEql, "processes where true")[0]).toContain('"processes" is not an event category');
    expect(messages(checkEql, 'process process.name == "x"')[0]).toContain('expected "where"');
  });
  it("rejects a sequence with one event, a bad maxspan, and a sample without by", () => {
    expect(messages(checkEql, "sequence [process where true]")[0]).toContain("at least 2");
    expect(
      messages(checkEql, "sequence with maxspan=5 minutes [process where true] [file where true]")[0],
    ).toContain("maxspan takes a duration");
    expect(messages(checkEql, "sample [process where true] [file where true]")[0]).toContain('needs "by"');
  });
  it("rejects =, single quotes, unknown pipes and unbalanced brackets", () => {
    expect(messages(checkEql, 'process where process.name = "x"')[0]).toContain('compares with "=="');
    expect(messages(checkEql, "process where process.name == 'x'")[0]).toContain("double quotes");
    expect(messages(checkEql, "process where true | unique process.name")[0]).toContain("not an EQL pipe");
    expect(messages(checkEql, 'process where process.name : ("a", "b"')[0]).toContain("never closed");
  });
});

describe("YARA-L", () => {
  const good = `rule rdp_fan_out {
  meta:
    author = "Detection Atlas"
  events:
    $e.metadata.event_type = "USER_LOGIN"
    $e.target.hostname = $host
    $e.principal.ip = $ip
    not re.regex($e.principal.hostname, \`^jump-\`) nocase
    $e.target.process.file.full_path = /\\\\mstsc\\.exe$/ nocase
  match:
    $ip over 1h
  outcome:
    $hosts = count_distinct($host)
    $risk_score = max(if($hosts > 5, 80, 40))
  condition:
    $e and $hosts >= 3
}`;
  it("accepts a rule with match and outcome", () => {
    expect(messages(checkYaraL, good)).toEqual([]);
  });
  it("requires meta, events and condition sections, in order", () => {
    const noMeta = good.replace(/ {2}meta:\n.*\n/, "");
    expect(messages(checkYaraL, noMeta)[0]).toContain("no meta: section");
    const swapped = good
      .replace("  match:\n    $ip over 1h\n", "")
      .replace("condition:", "condition:\n    $e\n  match:\n    $ip over 1h\n  x:");
    expect(messages(checkYaraL, swapped).join("\n")).toContain("match: must come before condition:");
  });
  it("requires match: when outcome aggregates or events correlate", () => {
    const noMatch = good.replace("  match:\n    $ip over 1h\n", "");
    expect(messages(checkYaraL, noMatch)[0]).toContain(
      "outcome aggregates with count_distinct(), which needs a match: section",
    );
    const twoEvents =
      'rule x {\n meta:\n  a = "b"\n events:\n  $a.metadata.event_type = "X"\n  $b.metadata.event_type = "Y"\n condition:\n  $a and $b\n}';
    expect(messages(checkYaraL, twoEvents)[0]).toContain("needs a match: section");
  });
  it("rejects match without over, undefined condition variables and unclosed regexes", () => {
    expect(messages(checkYaraL, good.replace("$ip over 1h", "$ip"))[0]).toContain("needs `over <window>`");
    expect(messages(checkYaraL, good.replace("$e and $hosts >= 3", "$x and $hosts >= 3"))[0]).toContain(
      "$x is not defined",
    );
    expect(messages(checkYaraL, good.replace("/\\\\mstsc\\.exe$/", "/mstsc"))[0]).toContain("regex literal");
  });
});

describe("LogScale", () => {
  const good = `#event_simpleName=ProcessRollup2 event_platform=Win ImageFileName=/\\\\rundll32\\.exe$/i
| CommandLine=/comsvcs.*minidump|#\\d+/i // why: the ordinal form
| !in(field=UserName, values=["SYSTEM", "LOCAL SERVICE"], ignoreCase=true)
| Signal := "comsvcs MiniDump"
| case { CommandLine=/full/i | Kind := "full"; * | Kind := "other"; }
| groupBy([aid, ComputerName], function=[count(as=Events), collect([CommandLine]), min(@timestamp, as=FirstSeen)])
| FirstSeen := formatTime("%Y-%m-%d %H:%M:%S", field=FirstSeen, timezone="UTC")
| ratio := Events / 2
| array:filter(array="x[]", var=y, function={y=1}, asArray="z[]")`;
  it("accepts a realistic query with regexes, case and namespaced functions", () => {
    expect(messages(checkLogScale, good)).toEqual([]);
  });
  it("rejects unknown functions", () => {
    expect(messages(checkLogScale, "#event_simpleName=X | groupBy(aid, function=cuont())")).toEqual([
      '1:45 "cuont()" is not a LogScale query function',
    ]);
  });
  it("rejects unbalanced brackets, unclosed strings and regexes, and empty stages", () => {
    expect(messages(checkLogScale, "x=1 | groupBy([aid, function=count())")[0]).toContain('")" closes "["');
    expect(messages(checkLogScale, 'x="abc | count()')[0]).toContain("never closed");
    expect(messages(checkLogScale, "x=/abc | count()")[0]).toContain("regex literal");
    expect(messages(checkLogScale, "x=1 | | count()")[0]).toContain("must be followed by");
  });
});

describe("regex bodies", () => {
  it("accept escapes, classes with brackets and groups", () => {
    expect(messages(checkLogScale, "x=/a\\(b[)(]c(d|e)/i")).toEqual([]);
    expect(messages(checkSpl, 'index=x | where match(a, "^(a|b)\\\\(x[(]$")')).toEqual([]);
  });
  it("reject unbalanced groups and unclosed classes in each language", () => {
    expect(messages(checkLogScale, "CommandLine=/minidump(/i")[0]).toContain('unbalanced "("');
    expect(messages(checkSpl, 'index=x | where match(cmd, "a)b")')[0]).toContain('unbalanced ")"');
    expect(messages(checkSpl, 'index=x | rex field=cmd "(?<user>[^ ]+"')[0]).toContain('unbalanced "("');
    expect(messages(checkEsql, 'FROM x | WHERE a RLIKE "[abc"')[0]).toContain("character class");
    const rule =
      'rule x {\n meta:\n  a = "b"\n events:\n  $e.f = /a(b/\n  re.regex($e.g, `c[d`)\n condition:\n  $e\n}';
    expect(messages(checkYaraL, rule)).toEqual([
      '5:10 unbalanced "(" in regex',
      "6:18 character class [ is never closed",
    ]);
  });
});
