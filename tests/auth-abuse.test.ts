// The site's own better-auth configuration (lib/auth/auth.ts) on a migrated PGlite database,
// called the way the route handler calls it: rate limits keyed on a client address no header can
// change, redirect targets confined to the site, and the same answers for known and unknown emails.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { migrate, scratchTarget } from "@/tests/support/databases";

const ORIGIN = "http://localhost:3000";
const SERVER_MARK = Symbol.for("detection-atlas.socket-address-header");
const PASSWORD = "a long enough password";

type Auth = Awaited<typeof import("@/lib/auth/auth")>["getAuth"] extends () => infer A ? A : never;
let cleanup: () => Promise<void> = async () => {};
let outbox: string;

/** The site's auth with the environment given, as a fresh module (env is parsed at import). */
async function loadAuth(extraEnv: Record<string, string | undefined> = {}): Promise<Auth> {
  vi.resetModules();
  for (const [key, value] of Object.entries(extraEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return (await import("@/lib/auth/auth")).getAuth();
}

function post(auth: Auth, route: string, body: unknown, headers: Record<string, string> = {}) {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth${route}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
      body: JSON.stringify(body),
    }),
  );
}

async function settle() {
  await (await import("@/lib/auth/deferred")).backgroundTasksSettled();
}

function mailsTo(to: string): { subject: string; text: string }[] {
  if (!fs.existsSync(outbox)) return [];
  return fs
    .readdirSync(outbox)
    .map((f) => JSON.parse(fs.readFileSync(path.join(outbox, f), "utf8")))
    .filter((m) => m.to === to);
}

beforeAll(async () => {
  const scratch = await scratchTarget("pglite", "auth-abuse");
  cleanup = scratch.cleanup;
  migrate(scratch.target);
  if (scratch.target.kind !== "pglite") throw new Error("expected PGlite");
  outbox = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-outbox-"));
  Object.assign(process.env, {
    DATABASE_URL: "",
    PGLITE_DIR: scratch.target.dir,
    OUTBOX_DIR: outbox,
    SITE_URL: ORIGIN,
    BETTER_AUTH_SECRET: "auth-abuse-test-secret-0123456789abcdef",
  });
});

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[SERVER_MARK];
  await settle();
  await (globalThis as { prisma?: { $disconnect(): Promise<void> } }).prisma?.$disconnect();
  await cleanup();
  fs.rmSync(outbox, { recursive: true, force: true });
});

describe("sign-in limit with no trusted proxy (the socket address, as scripts/serve.mjs passes it)", () => {
  it("still answers 429 when every attempt invents a new X-Forwarded-For and client-address header", async () => {
    const auth = await loadAuth({ TRUSTED_PROXY_HOPS: undefined, CLIENT_IP_HEADER: undefined });
    (globalThis as Record<symbol, unknown>)[SERVER_MARK] = true;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await post(
        auth,
        "/sign-in/email",
        { email: "nobody@example.test", password: `wrong password ${i}` },
        {
          "x-atlas-socket-address": "203.0.113.7",
          "x-forwarded-for": `198.51.100.${i}`,
          "x-atlas-client-address": `192.0.2.${i}`,
          "x-real-ip": `192.0.2.${100 + i}`,
        },
      );
      statuses.push(r.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);

    // Another client (another socket) keeps its own allowance.
    const other = await post(
      auth,
      "/sign-in/email",
      { email: "nobody@example.test", password: "wrong password" },
      { "x-atlas-socket-address": "203.0.113.8" },
    );
    expect(other.status).toBe(401);
  });
});

describe("sign-in limit behind one trusted proxy (TRUSTED_PROXY_HOPS=1)", () => {
  it("limits one client whatever it prepends, and not its neighbour behind the same proxy", async () => {
    const auth = await loadAuth({ TRUSTED_PROXY_HOPS: "1", CLIENT_IP_HEADER: undefined });
    const proxy = { "x-atlas-socket-address": "10.0.0.2" };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await post(
        auth,
        "/sign-in/email",
        { email: "nobody@example.test", password: `wrong password ${i}` },
        { ...proxy, "x-forwarded-for": `198.51.100.${i}, 203.0.113.50` },
      );
      statuses.push(r.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);

    const neighbour = await post(
      auth,
      "/sign-in/email",
      { email: "nobody@example.test", password: "wrong password" },
      { ...proxy, "x-forwarded-for": "203.0.113.51" },
    );
    expect(neighbour.status).toBe(401);
  });
});

describe("redirect targets sent to better-auth", () => {
  const hostile = [
    "/\\evil.example/x",
    "/\t/evil.example/x",
    "//evil.example",
    "https://evil.example/account",
    "javascript:alert(1)",
  ];

  it.each(hostile)("refuses callbackURL %j on sign-up", async (callbackURL) => {
    const auth = await loadAuth({ TRUSTED_PROXY_HOPS: "1" });
    const r = await post(
      auth,
      "/sign-up/email",
      { name: "Eve", email: `eve-${Math.random()}@example.test`, password: PASSWORD, callbackURL },
      { "x-forwarded-for": `192.0.2.${hostile.indexOf(callbackURL) + 10}` },
    );
    expect(r.status).toBe(403);
  });

  it.each(hostile)("refuses redirectTo %j on reset requests", async (redirectTo) => {
    const auth = await loadAuth({ TRUSTED_PROXY_HOPS: "1" });
    const r = await post(
      auth,
      "/request-password-reset",
      { email: "someone@example.test", redirectTo },
      { "x-forwarded-for": `192.0.2.${hostile.indexOf(redirectTo) + 30}` },
    );
    expect(r.status).toBe(403);
  });

  it.each(hostile)(
    "refuses callbackURL %j on the emailed verification and reset links",
    async (callbackURL) => {
      const auth = await loadAuth({ TRUSTED_PROXY_HOPS: "1" });
      const query = `token=whatever&callbackURL=${encodeURIComponent(callbackURL)}`;
      for (const route of [`/verify-email?${query}`, `/reset-password/whatever?${query}`]) {
        const r = await auth.handler(new Request(`${ORIGIN}/api/auth${route}`, { redirect: "manual" }));
        expect(r.status, route).toBe(403);
        expect(r.headers.get("location"), route).toBeNull();
      }
    },
  );
});

describe("known and unknown addresses get the same answer", () => {
  let auth: Auth;
  let n = 0;
  const ip = () => ({ "x-forwarded-for": `192.0.2.${100 + n++}` });
  const known = "known@example.test";

  beforeAll(async () => {
    auth = await loadAuth({ TRUSTED_PROXY_HOPS: "1" });
    const r = await post(auth, "/sign-up/email", { name: "Known", email: known, password: PASSWORD }, ip());
    expect(r.status).toBe(200);
    await settle();
  });

  /** The JSON's shape: keys and value types, recursively. */
  function shape(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(shape);
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
    return value === null ? null : typeof value;
  }

  it("sign-up: same status, headers and body shape; mail goes out for both", async () => {
    const body = (email: string) => ({ name: "Someone", email, password: PASSWORD, callbackURL: "/sign-in" });
    const fresh = "fresh@example.test";
    const existing = await post(auth, "/sign-up/email", body(known), ip());
    const created = await post(auth, "/sign-up/email", body(fresh), ip());
    expect(existing.status).toBe(200);
    expect(created.status).toBe(existing.status);
    expect(created.headers.get("set-cookie")).toBe(existing.headers.get("set-cookie"));
    expect(created.headers.get("content-type")).toBe(existing.headers.get("content-type"));
    const [a, b] = [await existing.json(), await created.json()];
    expect(shape(b)).toEqual(shape(a));
    expect(a.user.email).toBe(known);
    expect(b.user.email).toBe(fresh);

    await settle();
    expect(mailsTo(known).map((m) => m.subject)).toContain(
      "Sign-up attempt for your Detection Atlas account",
    );
    expect(mailsTo(fresh).map((m) => m.subject)).toEqual(["Verify your Detection Atlas email address"]);
  });

  it("forgot-password: byte-identical answers; the reset link goes only to the account", async () => {
    const unknown = "unknown@example.test";
    const forKnown = await post(
      auth,
      "/request-password-reset",
      { email: known, redirectTo: "/reset-password" },
      ip(),
    );
    const forUnknown = await post(
      auth,
      "/request-password-reset",
      { email: unknown, redirectTo: "/reset-password" },
      ip(),
    );
    expect(forKnown.status).toBe(200);
    expect(forUnknown.status).toBe(forKnown.status);
    expect(forUnknown.headers.get("content-type")).toBe(forKnown.headers.get("content-type"));
    expect(await forUnknown.text()).toBe(await forKnown.text());

    await settle();
    expect(mailsTo(known).map((m) => m.subject)).toContain("Reset your Detection Atlas password");
    expect(mailsTo(unknown)).toEqual([]);
  });
});
