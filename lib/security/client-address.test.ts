import { describe, expect, it } from "vitest";
import { normalizeAddress, resolveClientAddress, type ClientAddressSource } from "./client-address";

const socket: ClientAddressSource = { kind: "socket" };
const oneHop: ClientAddressSource = { kind: "forwarded-for", hops: 1 };
const twoHops: ClientAddressSource = { kind: "forwarded-for", hops: 2 };
const realIp: ClientAddressSource = { kind: "header", name: "x-real-ip" };

function headers(values: Record<string, string> = {}) {
  return new Headers(values);
}

describe("normalizeAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:DB8::1", "2001:db8::1"],
    ["::1", "::1"],
  ])("accepts %j", (input, expected) => {
    expect(normalizeAddress(input)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    "",
    "unknown",
    "203.0.113.7:443",
    "203.0.113.7, 198.51.100.2",
    "999.1.1.1",
    "fe80::1%eth0",
    "[2001:db8::1]",
    "evil.example",
  ])("refuses %j", (input) => {
    expect(normalizeAddress(input)).toBeNull();
  });
});

describe("resolveClientAddress with no trusted proxy", () => {
  it("uses the socket and ignores every forwarded header", () => {
    const h = headers({ "x-forwarded-for": "198.51.100.9", "x-real-ip": "198.51.100.10" });
    expect(resolveClientAddress(socket, h, "203.0.113.7")).toBe("203.0.113.7");
    expect(resolveClientAddress(socket, h, "::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("knows nothing when the socket is unknown, whatever the headers say", () => {
    expect(resolveClientAddress(socket, headers({ "x-forwarded-for": "198.51.100.9" }), null)).toBeNull();
  });

  it("gives the same answer for any X-Forwarded-For a client invents", () => {
    const seen = new Set(
      Array.from({ length: 50 }, (_, i) =>
        resolveClientAddress(socket, headers({ "x-forwarded-for": `10.0.0.${i}` }), "203.0.113.7"),
      ),
    );
    expect([...seen]).toEqual(["203.0.113.7"]);
  });
});

describe("resolveClientAddress behind proxies that append to X-Forwarded-For", () => {
  const proxy = "10.0.0.2";

  it("takes the address the nearest proxy appended", () => {
    expect(resolveClientAddress(oneHop, headers({ "x-forwarded-for": "203.0.113.7" }), proxy)).toBe(
      "203.0.113.7",
    );
  });

  it("ignores what the client put to the left of it", () => {
    const h = headers({ "x-forwarded-for": "1.1.1.1, 2.2.2.2, 203.0.113.7" });
    expect(resolveClientAddress(oneHop, h, proxy)).toBe("203.0.113.7");
  });

  it("gives two clients behind the same proxy two addresses", () => {
    const a = resolveClientAddress(oneHop, headers({ "x-forwarded-for": "203.0.113.7" }), proxy);
    const b = resolveClientAddress(oneHop, headers({ "x-forwarded-for": "198.51.100.4" }), proxy);
    expect(a).not.toBe(b);
  });

  it("counts hops from the right", () => {
    const h = headers({ "x-forwarded-for": "9.9.9.9, 203.0.113.7, 10.0.0.1" });
    expect(resolveClientAddress(twoHops, h, proxy)).toBe("203.0.113.7");
  });

  it("falls back to the socket when the chain is shorter than the configured hops", () => {
    expect(resolveClientAddress(twoHops, headers({ "x-forwarded-for": "203.0.113.7" }), proxy)).toBe(proxy);
    expect(resolveClientAddress(oneHop, headers(), proxy)).toBe(proxy);
  });

  it("falls back to the socket when the trusted entry is not an address", () => {
    const h = headers({ "x-forwarded-for": "203.0.113.7, not-an-ip" });
    expect(resolveClientAddress(oneHop, h, proxy)).toBe(proxy);
  });

  it("reads repeated header lines as one list", () => {
    const h = new Headers();
    h.append("x-forwarded-for", "1.1.1.1");
    h.append("x-forwarded-for", "203.0.113.7");
    expect(resolveClientAddress(oneHop, h, proxy)).toBe("203.0.113.7");
  });

  it("works without a known socket (the proxy's entry is enough)", () => {
    expect(resolveClientAddress(oneHop, headers({ "x-forwarded-for": "203.0.113.7" }), null)).toBe(
      "203.0.113.7",
    );
    expect(resolveClientAddress(oneHop, headers(), null)).toBeNull();
  });
});

describe("resolveClientAddress behind a load balancer that overwrites one header", () => {
  const lb = "10.0.0.3";

  it("takes that header's single address", () => {
    expect(resolveClientAddress(realIp, headers({ "x-real-ip": "203.0.113.7" }), lb)).toBe("203.0.113.7");
  });

  it("ignores X-Forwarded-For", () => {
    const h = headers({ "x-real-ip": "203.0.113.7", "x-forwarded-for": "1.1.1.1" });
    expect(resolveClientAddress(realIp, h, lb)).toBe("203.0.113.7");
  });

  it("refuses lists and garbage, falling back to the socket", () => {
    expect(resolveClientAddress(realIp, headers({ "x-real-ip": "1.1.1.1, 203.0.113.7" }), lb)).toBe(lb);
    expect(resolveClientAddress(realIp, headers({ "x-real-ip": "unknown" }), lb)).toBe(lb);
    expect(resolveClientAddress(realIp, headers(), lb)).toBe(lb);
  });
});
