// Declared Kusto table schemas (content/registry/kusto-tables/<Table>.yml) turned into the
// language service's symbols, so a query naming an unknown table or column is an error.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { kusto, type KustoGlobals } from "@/lib/verify/kusto/bridge";

const KUSTO_TYPES = [
  "string",
  "int",
  "long",
  "real",
  "double",
  "bool",
  "datetime",
  "timespan",
  "dynamic",
  "guid",
  "decimal",
] as const;

export const kustoTableSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a Kusto table name"),
  product: z.enum(["defender-xdr", "sentinel", "both"]),
  docs: z.url(),
  /** Tables whose columns vary by resource (AzureDiagnostics' *_s, *_d columns): any column is accepted. */
  open: z.boolean().default(false),
  columns: z.record(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "column names are Kusto identifiers"),
    z.enum(KUSTO_TYPES),
  ),
  /** The ActionType values the table writes, for the name check (lib/verify/names); where they come from. */
  action_types: z.array(z.string().min(1)).optional(),
  action_types_source: z.string().min(1).optional(),
});
export type KustoTable = z.infer<typeof kustoTableSchema>;

export const TABLES_DIR = path.join("registry", "kusto-tables");

export function loadKustoTables(contentDir: string): KustoTable[] {
  const dir = path.join(contentDir, TABLES_DIR);
  if (!fs.existsSync(dir)) return [];
  const tables: KustoTable[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith(".yml")) continue;
    const file = path.posix.join(TABLES_DIR, name);
    const result = kustoTableSchema.safeParse(parse(fs.readFileSync(path.join(dir, name), "utf8")));
    if (!result.success)
      throw new Error(
        `${file}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    if (result.data.name !== name.slice(0, -4)) throw new Error(`${file}: name must equal the file name`);
    tables.push(result.data);
  }
  return tables;
}

/**
 * Sentinel's watchlist function. Its result has the fixed columns below plus one column per
 * watchlist column, so it is declared as an open table: any column name after it is accepted.
 */
const WATCHLIST_COLUMNS =
  "(_DTItemId:string, LastUpdatedTimeUTC:datetime, SearchKey:string, WatchlistItem:dynamic)";

/**
 * Defender XDR's FileProfile() enrichment, with the columns it adds. Its arguments name a column
 * of the input (`invoke FileProfile(SHA1, 1000)`), which the analyser cannot resolve in the
 * caller's scope, so check-kql blanks them before analysis.
 */
const FILE_PROFILE_COLUMNS =
  "GlobalPrevalence=long(null), GlobalFirstSeen=datetime(null), GlobalLastSeen=datetime(null), " +
  "Signer=string(null), Issuer=string(null), SignerHash=string(null), IsCertificateValid=bool(null), " +
  "IsRootSignerMicrosoft=bool(null), SignatureState=string(null), IsExecutable=bool(null), " +
  "ThreatName=string(null), Publisher=string(null), SoftwareName=string(null), ProfileAvailability=string(null)";

export function kustoGlobals(tables: KustoTable[]): KustoGlobals {
  const k = kusto();
  const symbols = tables.map((t) =>
    k.table(
      t.name,
      t.open,
      `(${Object.entries(t.columns)
        .map(([c, type]) => `${c}:${type}`)
        .join(", ")})`,
    ),
  );
  symbols.push(k.func("FileProfile", "(T:(*))", `{ T | extend ${FILE_PROFILE_COLUMNS} }`));
  symbols.push(k.openTableFunc("_GetWatchlist", ["watchlistAlias"], WATCHLIST_COLUMNS));
  return k.defaultGlobals().WithDatabase(k.database("workspace", symbols));
}
