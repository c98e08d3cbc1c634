// IPv4 and IPv6 addresses against CIDR blocks, for the languages that document both families:
// Splunk's search command, Elastic EQL's cidrMatch() and LogScale's cidr(). An address of the
// other family, or a value that is no address, is simply not in the block.

type Address = { family: 4 | 6; n: bigint };

function ipv4(text: string): bigint | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return parts.reduce((a, p) => a * 256n + BigInt(p), 0n);
}

function ipv6(text: string): bigint | null {
  let t = text.toLowerCase();
  // A trailing dotted quad (::ffff:192.0.2.1) is the last 32 bits.
  const quad = /:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(t);
  if (quad) {
    const v4 = ipv4(quad[1]!);
    if (v4 === null) return null;
    t = `${t.slice(0, quad.index + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = t.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return all.reduce((a, g) => a * 65536n + BigInt(parseInt(g, 16)), 0n);
}

export function parseIp(text: string): Address | null {
  const v4 = ipv4(text.trim());
  if (v4 !== null) return { family: 4, n: v4 };
  const v6 = text.includes(":") ? ipv6(text.trim()) : null;
  return v6 === null ? null : { family: 6, n: v6 };
}

/** A CIDR block (`10.0.0.0/8`, `fe80::/10`); an address alone is a block of one. Null if neither. */
export function parseCidr(block: string): { family: 4 | 6; n: bigint; bits: number } | null {
  const [base, bits, extra] = block.trim().split("/");
  if (extra !== undefined) return null;
  const addr = parseIp(base ?? "");
  if (!addr) return null;
  const width = addr.family === 4 ? 32 : 128;
  const n = bits === undefined ? width : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  if (!(n >= 0 && n <= width)) return null;
  return { ...addr, bits: n };
}

export function inCidr(ip: string, block: string): boolean {
  const addr = parseIp(ip);
  const net = parseCidr(block);
  if (!addr || !net || addr.family !== net.family) return false;
  const shift = BigInt((net.family === 4 ? 32 : 128) - net.bits);
  return addr.n >> shift === net.n >> shift;
}
