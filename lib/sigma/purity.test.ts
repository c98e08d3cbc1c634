// lib/sigma (engine, backends, pipelines) must stay publishable on its own: it imports only itself,
// Node built-ins and parsing libraries, never the content catalog, HTTP or database code.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.join(process.cwd(), "lib/sigma");
const ALLOWED_PACKAGES = new Set(["yaml", "zod", "re2js", "vitest"]);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

export function forbiddenImports(file: string, text: string): string[] {
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)["']([^"']+)["']/gm)].map(
    (m) => m[1]!,
  );
  return specs.filter((spec) => {
    if (spec.startsWith("@/")) return !spec.startsWith("@/lib/sigma/");
    if (spec.startsWith(".")) {
      const resolved = path.resolve(path.dirname(file), spec);
      return !resolved.startsWith(ROOT + path.sep);
    }
    if (spec.startsWith("node:")) return false;
    const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
    return !ALLOWED_PACKAGES.has(pkg);
  });
}

describe("lib/sigma purity", () => {
  it("flags catalog, framework and escaping relative imports", () => {
    const file = path.join(ROOT, "engine/x.ts");
    const text = [
      'import { getTechnique } from "@/lib/content/catalog";',
      'import { NextResponse } from "next/server";',
      'import "server-only";',
      'import { x } from "../../content/catalog";',
      'import { parse } from "yaml";',
      'import { y } from "@/lib/sigma/engine/model";',
    ].join("\n");
    expect(forbiddenImports(file, text)).toEqual([
      "@/lib/content/catalog",
      "next/server",
      "server-only",
      "../../content/catalog",
    ]);
  });

  it("no file under lib/sigma imports outside the engine", () => {
    const offenders = sources(ROOT)
      .filter((file) => file !== __filename)
      .flatMap((file) =>
        forbiddenImports(file, fs.readFileSync(file, "utf8")).map(
          (spec) => `${path.relative(ROOT, file)}: ${spec}`,
        ),
      );
    expect(offenders).toEqual([]);
  });
});
