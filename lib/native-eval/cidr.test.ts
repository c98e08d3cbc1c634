import { describe, expect, it } from "vitest";
import { inCidr, parseIp } from "@/lib/native-eval/cidr";

describe("CIDR blocks, IPv4 and IPv6", () => {
  it("IPv4: the leading bits decide; /0 holds every IPv4 address and /32 one", () => {
    expect(inCidr("10.255.255.255", "10.0.0.0/8")).toBe(true);
    expect(inCidr("11.0.0.1", "10.0.0.0/8")).toBe(false);
    expect(inCidr("192.0.2.7", "0.0.0.0/0")).toBe(true);
    expect(inCidr("192.0.2.7", "192.0.2.7")).toBe(true);
    expect(inCidr("192.0.2.8", "192.0.2.7/32")).toBe(false);
  });

  it("IPv6: :: compression, upper case and an embedded dotted quad", () => {
    expect(inCidr("FEBF::abcd", "fe80::/10")).toBe(true);
    expect(inCidr("fec0::1", "fe80::/10")).toBe(false);
    expect(inCidr("::ffff:192.0.2.1", "::ffff:192.0.2.0/120")).toBe(true);
    expect(parseIp("2001:db8:0:0:0:0:0:1")).toEqual(parseIp("2001:db8::1"));
  });

  it("another family, a malformed address or block is never in the block", () => {
    expect(inCidr("10.0.0.1", "fe80::/10")).toBe(false);
    expect(inCidr("fe80::1", "0.0.0.0/0")).toBe(false);
    expect(inCidr("10.0.0.256", "10.0.0.0/8")).toBe(false);
    expect(inCidr("1:2:3:4:5:6:7:8:9", "::/0")).toBe(false);
    expect(inCidr("10.0.0.1", "10.0.0.0/33")).toBe(false);
    expect(inCidr("high", "10.0.0.0/8")).toBe(false);
  });
});
