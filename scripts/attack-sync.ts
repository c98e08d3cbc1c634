// npm run attack:sync -- --bundle <enterprise-attack.json> | --from-mitre [--version 18.1]
// Writes the ATT&CK catalogue the matrix, Navigator layers and search use to .data/attack/enterprise.json
// (outside git: it is derived data, refreshed when ATT&CK releases).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { attackCataloguePath } from "@/lib/attack/catalogue";
import { readAttackBundle, versionFromFileName } from "@/lib/attack/stix";

const MITRE_DATA = "https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master";

async function latestVersion(): Promise<string> {
  const index = (await (await fetch(`${MITRE_DATA}/index.json`)).json()) as {
    collections: Array<{ name: string; versions: Array<{ version: string }> }>;
  };
  const enterprise = index.collections.find((c) => c.name === "Enterprise ATT&CK");
  const version = enterprise?.versions[0]?.version;
  if (!version) throw new Error("MITRE's index.json lists no Enterprise ATT&CK version");
  return version;
}

async function main() {
  const { values } = parseArgs({
    options: {
      bundle: { type: "string" },
      "from-mitre": { type: "boolean", default: false },
      version: { type: "string" },
      out: { type: "string" },
    },
  });
  if (!values.bundle === !values["from-mitre"]) {
    console.error(
      "usage: npm run attack:sync -- --bundle <file> [--version X.Y] | --from-mitre [--version X.Y]",
    );
    process.exit(2);
  }
  let json: unknown;
  let version: string | undefined = values.version;
  if (values.bundle) {
    json = JSON.parse(fs.readFileSync(values.bundle, "utf8"));
    version ??= versionFromFileName(values.bundle);
    if (!version) throw new Error(`cannot tell the ATT&CK version from ${values.bundle}: pass --version`);
  } else {
    version ??= await latestVersion();
    const url = `${MITRE_DATA}/enterprise-attack/enterprise-attack-${version}.json`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    json = await response.json();
  }
  const catalogue = readAttackBundle(json, version);
  const out = values.out ? path.resolve(values.out) : attackCataloguePath();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(catalogue));
  const current = catalogue.techniques.filter((t) => !t.revoked && !t.deprecated);
  console.log(
    `ATT&CK ${version}: ${catalogue.tactics.length} tactics, ${current.length} current techniques ` +
      `(${catalogue.techniques.length - current.length} revoked or deprecated) -> ${path.relative(process.cwd(), out)}`,
  );
}

main().catch((error: unknown) => {
  console.error(`attack:sync failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
