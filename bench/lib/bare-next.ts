// The framework's floor: a Next app with one prerendered page and nothing else (no layout chrome, no
// proxy, no headers config), generated into a temporary folder that borrows this repository's
// node_modules through a symlink, built there and served by `next start`. Built with webpack:
// Turbopack refuses a node_modules outside its root, and a folder inside this repository would make
// the repository its root and pull in our instrumentation.ts. The server at run time is the same. A separate app rather than an empty route in
// ours, because an empty route would still pay for our root layout, proxy.ts and security headers.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer, type ChildServer } from "./child-server";

const REPO = path.resolve(import.meta.dirname, "../..");
const NEXT_BIN = path.join(REPO, "node_modules/next/dist/bin/next");

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "bare-next", private: true, type: "module" }),
  "next.config.mjs": "export default { poweredByHeader: false };\n",
  "app/layout.js":
    'export default function Layout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n',
  "app/page.js": "export default function Page() {\n  return <main><h1>Bare Next.js page</h1></main>;\n}\n",
};

export type BareNext = { dir: string; start: (port: number) => Promise<ChildServer>; remove: () => void };

/** Generates and builds the app, or reuses one built earlier in `existing` (kept afterwards). */
export function buildBareNext(existing?: string): BareNext {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  const start = (dir: string) => (port: number) =>
    startServer(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: dir,
      env,
      port,
      label: "bare Next app",
    });
  if (existing) return { dir: existing, start: start(existing), remove: () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-bare-next-"));
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
  execFileSync(process.execPath, [NEXT_BIN, "build", "--webpack"], { cwd: dir, env, stdio: "pipe" });
  return { dir, start: start(dir), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
