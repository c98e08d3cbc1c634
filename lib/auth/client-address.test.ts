import { afterEach, describe, expect, it, vi } from "vitest";

const SERVER_MARK = Symbol.for("detection-atlas.socket-address-header");
const saved = { ...process.env };

/** lib/env parses the environment at import, so each case loads the module afresh. */
async function load(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const key of ["TRUSTED_PROXY_HOPS", "CLIENT_IP_HEADER"]) delete process.env[key];
  for (const [key, value] of Object.entries(vars)) if (value !== undefined) process.env[key] = value;
  return import("./client-address");
}

afterEach(() => {
  process.env = { ...saved };
  delete (globalThis as Record<symbol, unknown>)[SERVER_MARK];
});

describe("configuration", () => {
  it("defaults to the socket", async () => {
    expect((await load({})).clientAddressSource()).toEqual({ kind: "socket" });
  });

  it("reads TRUSTED_PROXY_HOPS", async () => {
    const mod = await load({ TRUSTED_PROXY_HOPS: "2" });
    expect(mod.clientAddressSource()).toEqual({ kind: "forwarded-for", hops: 2 });
  });

  it("reads CLIENT_IP_HEADER, case-insensitively", async () => {
    const mod = await load({ CLIENT_IP_HEADER: "X-Real-IP" });
    expect(mod.clientAddressSource()).toEqual({ kind: "header", name: "x-real-ip" });
  });

  it.each([
    [{ TRUSTED_PROXY_HOPS: "1", CLIENT_IP_HEADER: "x-real-ip" }, /not both/],
    [{ TRUSTED_PROXY_HOPS: "0" }, /TRUSTED_PROXY_HOPS/],
    [{ TRUSTED_PROXY_HOPS: "one" }, /TRUSTED_PROXY_HOPS/],
    [{ CLIENT_IP_HEADER: "x real ip" }, /CLIENT_IP_HEADER/],
  ])("refuses to start with %j", async (vars, message) => {
    await expect(load(vars)).rejects.toThrow(message);
  });
});

describe("withClientAddress", () => {
  const request = (headers: Record<string, string>) =>
    new Request("http://localhost/api/auth/ok", { headers });

  it("uses the socket address only when scripts/serve.mjs wrote it", async () => {
    const { withClientAddress, CLIENT_ADDRESS_HEADER } = await load({});
    const spoofed = { "x-atlas-socket-address": "203.0.113.7", "x-atlas-client-address": "192.0.2.1" };
    expect(withClientAddress(request(spoofed)).headers.get(CLIENT_ADDRESS_HEADER)).toBeNull();

    (globalThis as Record<symbol, unknown>)[SERVER_MARK] = true;
    expect(withClientAddress(request(spoofed)).headers.get(CLIENT_ADDRESS_HEADER)).toBe("203.0.113.7");
  });

  it("replaces a client-supplied address header behind a proxy too", async () => {
    const { withClientAddress, CLIENT_ADDRESS_HEADER } = await load({ TRUSTED_PROXY_HOPS: "1" });
    const out = withClientAddress(
      request({ "x-forwarded-for": "1.1.1.1, 203.0.113.9", "x-atlas-client-address": "192.0.2.1" }),
    );
    expect(out.headers.get(CLIENT_ADDRESS_HEADER)).toBe("203.0.113.9");
  });

  it("keeps method, URL and body", async () => {
    const { withClientAddress } = await load({});
    const out = withClientAddress(
      new Request("http://localhost/api/auth/sign-in/email", { method: "POST", body: '{"a":1}' }),
    );
    expect([out.method, out.url, await out.text()]).toEqual([
      "POST",
      "http://localhost/api/auth/sign-in/email",
      '{"a":1}',
    ]);
  });
});
