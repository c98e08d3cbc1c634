// The KQL check runs Microsoft's analyser against the declared tables: invented columns and
// syntax errors fail, dynamic access, watchlists and exclusion fragments do not.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkKql, checkKqlExclusion } from "@/lib/verify/kusto/check-kql";
import { kustoGlobals, loadKustoTables } from "@/lib/verify/kusto/tables";

const globals = kustoGlobals(loadKustoTables(path.resolve("content")));
const messages = (problems: ReturnType<typeof checkKql>) =>
  problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe("checkKql", () => {
  it("accepts a valid query with dynamic access, parse_json and a watchlist", () => {
    const q = `let allowed = _GetWatchlist("JumpHosts") | project HostName;
DeviceProcessEvents
| where Timestamp > ago(1d) and DeviceName !in (allowed)
| extend Parent = tostring(AdditionalFields.ParentName), Args = parse_json(ProcessCommandLine).x
| summarize count() by DeviceName, Parent`;
    expect(messages(checkKql(q, globals))).toEqual([]);
  });
  it("reports an invented column with its line and column", () => {
    const q = "DeviceProcessEvents\n| where ProcessCommandline has 'x'";
    expect(messages(checkKql(q, globals))).toEqual([
      "2:9 KS142: The name 'ProcessCommandline' does not refer to any known column, table, variable or function.",
    ]);
  });
  it("reports an unknown table and a syntax error", () => {
    expect(messages(checkKql("DeviceProcessEvent | take 1", globals))[0]).toContain("KS204");
    expect(messages(checkKql("SigninLogs | where (ResultType == 0", globals)).join()).toContain(
      "Expected: )",
    );
  });
  it("accepts resource-specific columns of an open table (AzureDiagnostics) only", () => {
    expect(checkKql("AzureDiagnostics | where Category == 'x' and clientIp_s == '1.2.3.4'", globals)).toEqual(
      [],
    );
    expect(messages(checkKql("AzureActivity | where clientIp_s == '1.2.3.4'", globals))[0]).toContain(
      "KS142",
    );
  });
  it("accepts Defender XDR's FileProfile() enrichment and its columns", () => {
    const q =
      "DeviceFileEvents | invoke FileProfile(SHA1, 1000) | where GlobalPrevalence < 50 | project Signer";
    expect(checkKql(q, globals)).toEqual([]);
    expect(messages(checkKql(q.replace("Signer", "SignerName"), globals))[0]).toContain("KS142");
  });
  it("types columns: a string column cannot be compared as a number range", () => {
    expect(
      messages(checkKql("StorageBlobLogs | where StatusCode between (400 .. 499)", globals))[0],
    ).toContain("KS106");
  });
  it("checks an appended exclusion against the columns the query outputs", () => {
    const base = "SecurityEvent\n| where EventID == 4624\n| summarize n = count() by IpAddress";
    expect(checkKqlExclusion("| where IpAddress != '10.0.0.1'", base, globals)).toEqual([]);
    expect(messages(checkKqlExclusion("| where n > 5 and Hostname != 'x'", base, globals))).toEqual([
      "1:19 KS142: The name 'Hostname' does not refer to any known column, table, variable or function.",
    ]);
  });
  it("accepts an exclusion meant for an earlier pipe", () => {
    const base = "SecurityEvent\n| where EventID == 4624\n| summarize n = count() by IpAddress";
    expect(checkKqlExclusion("| where Computer !startswith 'JUMP'", base, globals)).toEqual([]);
  });
});
