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
  /** An open table accepts any column name besides the declared ones. */
  table(name: string, open: boolean, schema: string): KustoSymbol;
  /** A stored function with a parameter list like "(T:(*), n:long=1)" and a body like "{ T | take n }". */
  func(name: string, parameters: string, body: string): KustoSymbol;
  /**
   * A function of string parameters returning an open table: the listed columns are known and
   * any other column name is accepted (for results whose columns depend on the data).
   */
  openTableFunc(name: string, parameters: string[], schema: string): KustoSymbol;
  database(name: string, members: KustoSymbol[]): KustoSymbol;
  defaultGlobals(): KustoGlobals;
  analyze(text: string, globals: KustoGlobals): KustoDiagnostic[];
  /** The analysed syntax tree's root (a Bridge.NET object; lib/verify/kusto/tree.ts reads it). */
  syntax(text: string, globals: KustoGlobals): unknown;
};

type KustoNamespace = {
  Language: {
    Symbols: {
      TableSymbol: {
        $ctor7: new (
          name: string,
          schema: string,
          description: string | null,
        ) => KustoSymbol & {
          WithIsOpen(open: boolean): KustoSymbol;
        };
      };
      Parameter: { $ctor2: new (name: string, type: unknown) => unknown };
      ScalarTypes: { String: unknown };
      FunctionSymbol: {
        $ctor5: new (name: string, returnType: KustoSymbol, parameters: unknown[]) => KustoSymbol;
        $ctor16: new (
          name: string,
          parameters: string,
          body: string,
          description: string | null,
        ) => KustoSymbol;
      };
      DatabaseSymbol: {
        $ctor3: new (
          name: string,
          alternate: string | null,
          members: KustoSymbol[],
          isOpen: boolean,
        ) => KustoSymbol;
      };
    };
    GlobalState: { Default: KustoGlobals };
    KustoCode: {
      ParseAndAnalyze(
        text: string,
        globals: KustoGlobals,
      ): { GetDiagnostics(): NetList<KustoDiagnostic>; Syntax: unknown };
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
  if (!K?.Language?.KustoCode)
    throw new Error("@kusto/language-service-next did not define globalThis.Kusto");
  const L = K.Language;
  api = {
    table: (name, open, schema) => new L.Symbols.TableSymbol.$ctor7(name, schema, null).WithIsOpen(open),
    func: (name, parameters, body) => new L.Symbols.FunctionSymbol.$ctor16(name, parameters, body, null),
    openTableFunc: (name, parameters, schema) =>
      new L.Symbols.FunctionSymbol.$ctor5(
        name,
        new L.Symbols.TableSymbol.$ctor7("", schema, null).WithIsOpen(true),
        parameters.map((p) => new L.Symbols.Parameter.$ctor2(p, L.Symbols.ScalarTypes.String)),
      ),
    database: (name, members) => new L.Symbols.DatabaseSymbol.$ctor3(name, null, members, false),
    defaultGlobals: () => L.GlobalState.Default,
    analyze(text, globals) {
      const list = L.KustoCode.ParseAndAnalyze(text, globals).GetDiagnostics();
      const out: KustoDiagnostic[] = [];
      for (let i = 0; i < list.Count; i++) out.push(list.getItem(i));
      return out;
    },
    syntax: (text, globals) => L.KustoCode.ParseAndAnalyze(text, globals).Syntax,
  };
  return api;
}
