// Loads Microsoft's Kusto language service (@kusto/language-service-next, a Bridge.NET build).
// The package is not a module: bridge.js installs the `Bridge`/`System` runtime as globals and
// Kusto.Language.Bridge.js then defines `globalThis.Kusto`. We require both once, in order,
// and expose only the few members the checks use, typed narrowly here.
import { createRequire } from "node:module";

export type KustoDiagnostic = {
  Code: string | null;
  Severity: string | null;
  Message: string | null;
  Start: number;
  Length: number;
};
type NetList<T> = { Count: number; getItem(index: number): T };
export type KustoSymbol = { Name: string };
export type KustoGlobals = {
  WithDatabase(database: KustoSymbol): KustoGlobals;
};

export type KustoApi = {
  table(name: string, schema: string): KustoSymbol;
  /** A stored function with a parameter list like "(a:string)" and a body like "{ T | take 1 }". */
  func(name: string, parameters: string, body: string): KustoSymbol;
  database(name: string, members: KustoSymbol[]): KustoSymbol;
  defaultGlobals(): KustoGlobals;
  analyze(text: string, globals: KustoGlobals): KustoDiagnostic[];
};

type KustoNamespace = {
  Language: {
    Symbols: {
      TableSymbol: { $ctor7: new (name: string, schema: string, description: string | null) => KustoSymbol };
      FunctionSymbol: {
        $ctor16: new (name: string, parameters: string, body: string, description: string | null) => KustoSymbol;
      };
      DatabaseSymbol: {
        $ctor3: new (name: string, alternate: string | null, members: KustoSymbol[], isOpen: boolean) => KustoSymbol;
      };
    };
    GlobalState: { Default: KustoGlobals };
    KustoCode: {
      ParseAndAnalyze(text: string, globals: KustoGlobals): { GetDiagnostics(): NetList<KustoDiagnostic> };
    };
  };
};

let api: KustoApi | undefined;

export function kusto(): KustoApi {
  if (api) return api;
  const require = createRequire(import.meta.url);
  require("@kusto/language-service-next/bridge.js");
  require("@kusto/language-service-next/Kusto.Language.Bridge.js");
  const K = (globalThis as unknown as { Kusto?: KustoNamespace }).Kusto;
  if (!K?.Language?.KustoCode) throw new Error("@kusto/language-service-next did not define globalThis.Kusto");
  const L = K.Language;
  api = {
    table: (name, schema) => new L.Symbols.TableSymbol.$ctor7(name, schema, null),
    func: (name, parameters, body) => new L.Symbols.FunctionSymbol.$ctor16(name, parameters, body, null),
    database: (name, members) => new L.Symbols.DatabaseSymbol.$ctor3(name, null, members, false),
    defaultGlobals: () => L.GlobalState.Default,
    analyze(text, globals) {
      const list = L.KustoCode.ParseAndAnalyze(text, globals).GetDiagnostics();
      const out: KustoDiagnostic[] = [];
      for (let i = 0; i < list.Count; i++) out.push(list.getItem(i));
      return out;
    },
  };
  return api;
}
