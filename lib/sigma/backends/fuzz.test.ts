// Seeded fuzzing: a few thousand random valid rules (and correlations over them), each converted
// to every backend. Each conversion must give a query or a refusal with a message; none may
// throw. Deterministic (fixed seed), no timing.
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { convertRule } from "@/lib/sigma/backends/convert";
import { TARGETS } from "@/lib/sigma/backends/types";
import { hasErrors, parseSigma } from "@/lib/sigma/engine/parse";

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LOGSOURCES = [
  { product: "windows", category: "process_creation" },
  { product: "windows", category: "network_connection" },
  { product: "windows", category: "registry_set" },
  { product: "windows", category: "file_event" },
  { product: "windows", service: "security" },
  { product: "linux", category: "process_creation" },
  { category: "proxy" },
  { product: "aws", service: "cloudtrail" },
];
const FIELDS = [
  "Image",
  "CommandLine",
  "ParentImage",
  "User",
  "TargetFilename",
  "DestinationIp",
  "QueryName",
  "odd field",
  "c-uri",
  "eventName",
  null,
];
const STRING_MODS = [
  "",
  "|contains",
  "|startswith",
  "|endswith",
  "|contains|all",
  "|cased",
  "|windash|contains",
  "|base64offset|contains",
  "|utf16le|base64",
  "|re",
  "|re|i",
  "|re|s",
];
const CHARS = [
  "a",
  "Z",
  "\\",
  '"',
  "'",
  "*",
  "?",
  "/",
  " ",
  ".",
  "(",
  "|",
  "`",
  "$",
  "\n",
  "%",
  "-",
  "é",
  ":",
];

describe("fuzz: random valid rules on every backend", () => {
  it("converts or refuses with a message, never throws (seed 17, 2,500 rules)", () => {
    const rnd = mulberry32(17);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const text = () => Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => pick(CHARS)).join("");
    const item = (): [string, unknown] => {
      const field = pick(FIELDS);
      const kind = rnd();
      if (field === null) return ["keywords", [text(), text()]];
      if (kind < 0.55) {
        const mod = pick(STRING_MODS);
        const value = mod.startsWith("|re") ? pick(["a.b", "^x$", "a+b", "[a-z]{2}", "x|y", "\\d+"]) : text();
        return [field + mod, rnd() < 0.3 ? [value, text()] : value];
      }
      if (kind < 0.65) return [`${field}|cidr`, pick(["10.0.0.0/8", "::1/128", "192.168.1.0/24"])];
      if (kind < 0.75) return [`${field}|${pick(["gt", "gte", "lt", "lte"])}`, Math.floor(rnd() * 1000)];
      if (kind < 0.82) return [`${field}|exists`, rnd() < 0.5];
      if (kind < 0.88)
        return [`${field}|fieldref${pick(["", "|contains", "|startswith"])}`, pick(["User", "Image"])];
      if (kind < 0.93) return [field, null];
      return [field, Math.floor(rnd() * 100)];
    };
    let parsed = 0;
    let converted = 0;
    const thrown: string[] = [];
    for (let n = 0; n < 2500; n++) {
      const detection: Record<string, unknown> = {};
      const names: string[] = [];
      for (let i = 0; i < 1 + Math.floor(rnd() * 3); i++) {
        const [k, v] = item();
        const name = `sel${i}`;
        detection[name] =
          k === "keywords"
            ? v
            : Object.fromEntries(
                Array.from({ length: 1 + Math.floor(rnd() * 2) }, item)
                  .filter(([f]) => f !== "keywords")
                  .concat([[k, v]])
                  .filter(([f]) => f !== "keywords"),
              );
        names.push(name);
      }
      const parts = names.map((x) => (rnd() < 0.3 ? `not ${x}` : x));
      detection.condition = rnd() < 0.2 ? "1 of sel*" : parts.join(rnd() < 0.5 ? " and " : " or ");
      const rule = { title: `fuzz ${n}`, name: `fuzz_${n}`, logsource: pick(LOGSOURCES), detection };
      let doc = stringify(rule);
      if (rnd() < 0.15) {
        const type = pick([
          "event_count",
          "value_count",
          "temporal",
          "temporal_ordered",
          "value_sum",
          "value_percentile",
        ]);
        const cond = type.startsWith("temporal")
          ? ""
          : `\n  condition: { field: User, gte: 3${type === "value_percentile" ? ", percentile: 90" : ""} }`;
        const refs = type.startsWith("temporal") ? `[fuzz_${n}, fuzz_${n}_b]` : `[fuzz_${n}]`;
        doc = `title: corr\ncorrelation:\n  type: ${type}\n  rules: ${refs}\n  group-by: [${pick(["User", "Computer", "odd field"])}]\n  timespan: ${pick(["5m", "1h", "3d", "90s"])}${cond}\n---\n${doc}---\n${stringify({ ...rule, name: `fuzz_${n}_b`, title: "b" })}`;
      }
      const { rules, diagnostics } = parseSigma(doc);
      if (hasErrors(diagnostics)) continue;
      parsed++;
      for (const target of TARGETS) {
        try {
          const r = convertRule(rules[0]!, target, undefined, rules);
          if ("error" in r) expect(r.error.length).toBeGreaterThan(10);
          else {
            expect(r.query.length).toBeGreaterThan(0);
            converted++;
          }
        } catch (error) {
          thrown.push(`${target}: ${(error as Error).message}\n${doc}`);
        }
      }
    }
    expect(thrown.slice(0, 3)).toEqual([]);
    // The generator must produce mostly valid rules and many conversions, or the test proves nothing.
    expect(parsed).toBeGreaterThan(1500);
    expect(converted).toBeGreaterThan(parsed * 2);
  });
});
