// Value modifiers: turn a raw YAML scalar and its modifier chain into typed values, the way
// pySigma does (encodings apply in order, base64offset yields three variants, windash expands
// every dash-led word). Problems are thrown as ModifierError and located by the caller.
import { MAX_VALUE_CHARS, MAX_WILDCARDS } from "@/lib/sigma/engine/limits";
import type { SigmaValue, StringPart, TimePart } from "@/lib/sigma/engine/model";
import { regexOf, RegexRefused } from "@/lib/sigma/engine/regex";

export class ModifierError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "ModifierError";
  }
}

export const MODIFIERS = new Set([
  "contains",
  "startswith",
  "endswith",
  "all",
  "base64",
  "base64offset",
  "utf16le",
  "utf16be",
  "utf16",
  "wide",
  "windash",
  "re",
  "i",
  "m",
  "s",
  "ignorecase",
  "multiline",
  "dotall",
  "cidr",
  "exists",
  "fieldref",
  "gt",
  "gte",
  "lt",
  "lte",
  "expand",
  "cased",
  "neq",
  "minute",
  "hour",
  "day",
  "week",
  "month",
  "year",
]);

/** sigma-appendix-modifiers.md, "Time Modifiers": each part's range (year: any year). */
export const TIME_PARTS: Record<TimePart, [number, number]> = {
  minute: [0, 59],
  hour: [0, 23],
  day: [1, 31],
  week: [1, 52],
  month: [1, 12],
  year: [-Infinity, Infinity],
};
const isTimePart = (m: string): m is TimePart => Object.hasOwn(TIME_PARTS, m);

const REGEX_FLAGS = new Map([
  ["i", "i"],
  ["ignorecase", "i"],
  ["m", "m"],
  ["multiline", "m"],
  ["s", "s"],
  ["dotall", "s"],
]);

/** Sigma wildcard syntax: `*` and `?` are wildcards, `\*`, `\?` and `\\` escape them. */
export function parseWildcards(text: string): StringPart[] {
  const parts: StringPart[] = [];
  let literal = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === "\\" && (next === "*" || next === "?" || next === "\\")) {
      literal += next;
      i++;
    } else if (ch === "*" || ch === "?") {
      if (literal) parts.push(literal);
      literal = "";
      parts.push({ wildcard: ch });
    } else literal += ch;
  }
  if (literal) parts.push(literal);
  return parts;
}

const hasWildcard = (parts: StringPart[]) => parts.some((p) => typeof p !== "string");
const plain = (parts: StringPart[]) => parts.map((p) => (typeof p === "string" ? p : p.wildcard)).join("");

// Bytes are carried as a latin1 string between an encoding and base64 modifier.
function encodeUtf16(text: string, bigEndian: boolean, bom: boolean): string {
  let out = bom ? "\xff\xfe" : "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const hi = String.fromCharCode(code >> 8);
    const lo = String.fromCharCode(code & 0xff);
    out += bigEndian ? hi + lo : lo + hi;
  }
  return out;
}

const toBase64 = (bytes: string) => Buffer.from(bytes, "latin1").toString("base64");

function base64Offsets(bytes: string): string[] {
  const start = [0, 2, 3];
  const end = [undefined, -3, -2];
  return [0, 1, 2].map((i) => {
    const encoded = toBase64(" ".repeat(i) + bytes);
    return encoded.slice(start[i], end[(bytes.length + i) % 3]);
  });
}

const WINDASH = ["-", "/", "\u2013", "\u2014", "\u2015"];
const MAX_VARIANTS = 256;

function windashVariants(text: string): string[] {
  const pieces = text.split(/\B[-/]\b/);
  if (pieces.length === 1) return [text];
  if (WINDASH.length ** (pieces.length - 1) > MAX_VARIANTS)
    throw new ModifierError(
      `windash would expand "${text}" into more than ${MAX_VARIANTS} variants`,
      "Split the value into several shorter values, each with at most three dash-led options.",
    );
  let variants = [pieces[0]!];
  for (const piece of pieces.slice(1))
    variants = variants.flatMap((v) => WINDASH.map((dash) => v + dash + piece));
  return variants;
}

function isIp(text: string): boolean {
  const [ip, bits, extra] = text.split("/");
  if (extra !== undefined || ip === undefined) return false;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  const max = v4 ? 32 : 128;
  if (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= max)) return false;
  if (v4) return v4.slice(1).every((p) => Number(p) <= 255);
  return /^[0-9a-f:]+$/i.test(ip) && ip.includes(":") && (ip.match(/::/g) ?? []).length <= 1;
}

/** Checks the modifier chain itself: known names, flags after re, exclusive kinds. */
export function checkModifiers(modifiers: string[]): void {
  for (const m of modifiers)
    if (!MODIFIERS.has(m))
      throw new ModifierError(
        `unknown modifier "${m}"`,
        `Use one of: ${[...MODIFIERS].filter((x) => x.length > 1).join(", ")}.`,
      );
  const flagWithoutRe = modifiers.find((m) => REGEX_FLAGS.has(m) && !modifiers.includes("re"));
  if (flagWithoutRe)
    throw new ModifierError(
      `modifier "${flagWithoutRe}" is a regular expression flag`,
      'Write it after "re", e.g. field|re|i.',
    );
  const kinds = ["re", "cidr", "exists", "fieldref", "gt", "gte", "lt", "lte"].filter((m) =>
    modifiers.includes(m),
  );
  if (kinds.length > 1)
    throw new ModifierError(`modifiers ${kinds.join(" and ")} cannot be combined`, "Keep one of them.");
  const parts = modifiers.filter(isTimePart);
  if (parts.length > 1)
    throw new ModifierError(`modifiers ${parts.join(" and ")} cannot be combined`, "Keep one time part.");
  const notWithTime = modifiers.filter(
    (m) => !isTimePart(m) && !["gt", "gte", "lt", "lte", "neq", "all"].includes(m),
  );
  if (parts.length && notWithTime.length)
    throw new ModifierError(
      `the time modifier ${parts[0]} cannot be combined with ${notWithTime.join(", ")}`,
      "A time modifier takes a number, compared with gt, gte, lt, lte or neq.",
    );
  const position = ["contains", "startswith", "endswith"].filter((m) => modifiers.includes(m));
  if (position.length > 1)
    throw new ModifierError(
      `modifiers ${position.join(" and ")} cannot be combined`,
      "Keep one, or use wildcards.",
    );
}

/**
 * Applies the modifier chain to one raw YAML value. `neq` negates the whole item (pySigma's
 * SigmaNegateModifier), so the caller handles it and the values are built as without it.
 */
export function applyModifiers(raw: unknown, chain: string[]): SigmaValue[] {
  const modifiers = chain.filter((m) => m !== "neq");
  const has = (m: string) => modifiers.includes(m);
  const part = modifiers.find(isTimePart);
  if (part) {
    const [min, max] = TIME_PARTS[part];
    if (typeof raw !== "number" || !Number.isInteger(raw) || raw < min || raw > max)
      throw new ModifierError(
        `${part} needs a whole number${part === "year" ? "" : ` from ${min} to ${max}`}, not ${JSON.stringify(raw)}`,
        "Write an unquoted number, e.g. field|hour: 3 or field|hour|gte: 22.",
      );
    const op = (["gt", "gte", "lt", "lte"] as const).find(has) ?? "eq";
    return [{ kind: "timepart", part, op, value: raw }];
  }
  if (has("exists")) {
    if (typeof raw !== "boolean")
      throw new ModifierError("exists needs true or false", "Write field|exists: true.");
    return [{ kind: "exists", value: raw }];
  }
  for (const op of ["gt", "gte", "lt", "lte"] as const)
    if (has(op)) {
      if (typeof raw !== "number")
        throw new ModifierError(
          `${op} needs a number, not ${JSON.stringify(raw)}`,
          "Write an unquoted number.",
        );
      return [{ kind: "compare", op, value: raw }];
    }
  if (raw === null) {
    if (modifiers.length)
      throw new ModifierError(
        "a null value takes no modifiers",
        "Write field: null to test for an absent or empty field.",
      );
    return [{ kind: "null" }];
  }
  if (typeof raw === "object")
    throw new ModifierError(
      "a value must be a string, number, boolean or null",
      "Write one scalar or a list of scalars.",
    );
  if (typeof raw === "boolean" && modifiers.length === 0) return [{ kind: "boolean", value: raw }];
  if (typeof raw === "number" && modifiers.length === 0) return [{ kind: "number", value: raw }];
  const text = String(raw);
  if (!has("re") && text.length > MAX_VALUE_CHARS)
    throw new ModifierError(
      `the value is ${text.length} characters, over the ${MAX_VALUE_CHARS} limit`,
      "Match a shorter, distinctive part of it with contains.",
    );
  if (has("re")) {
    const flags = { i: false, m: false, s: false };
    for (const m of modifiers) {
      const f = REGEX_FLAGS.get(m) as "i" | "m" | "s" | undefined;
      if (f) flags[f] = true;
    }
    const other = modifiers.filter((m) => m !== "re" && m !== "all" && !REGEX_FLAGS.has(m));
    if (other.length)
      throw new ModifierError(
        `re cannot be combined with ${other.join(", ")}`,
        "Put that logic into the regular expression.",
      );
    let pattern = text;
    if (pattern.startsWith("(?i)")) {
      pattern = pattern.slice(4);
      flags.i = true;
    }
    const value = { kind: "regex" as const, pattern, flags };
    try {
      regexOf(value);
    } catch (error) {
      if (!(error instanceof RegexRefused)) throw error;
      throw new ModifierError(error.message, error.hint);
    }
    return [value];
  }
  if (has("cidr")) {
    if (!isIp(text))
      throw new ModifierError(
        `"${text}" is not a CIDR network`,
        "Write an address with a prefix length, e.g. 10.0.0.0/8.",
      );
    return [
      { kind: "cidr", network: text.includes("/") ? text : `${text}/${text.includes(":") ? 128 : 32}` },
    ];
  }
  if (has("fieldref")) {
    const match = (["contains", "startswith", "endswith"] as const).find(has) ?? "eq";
    return [{ kind: "fieldref", field: text, match }];
  }
  if (has("expand")) {
    if (!/^%[A-Za-z0-9_.-]+%$/.test(text))
      throw new ModifierError(`expand needs a %placeholder%, not "${text}"`, "Write the value as %name%.");
    return [{ kind: "expand", placeholder: text.slice(1, -1) }];
  }
  let variants: Array<{ parts: StringPart[] }> = [{ parts: parseWildcards(text) }];
  let bytes: string[] | null = null;
  for (const m of modifiers) {
    if (m === "wide" || m === "utf16le" || m === "utf16be" || m === "utf16") {
      if (variants.some((v) => hasWildcard(v.parts)))
        throw new ModifierError(
          `${m} cannot encode a value with wildcards`,
          "Remove the wildcards and use contains, startswith or endswith.",
        );
      bytes = variants.map((v) => encodeUtf16(plain(v.parts), m === "utf16be", m === "utf16"));
    } else if (m === "base64" || m === "base64offset") {
      if (!bytes && variants.some((v) => hasWildcard(v.parts)))
        throw new ModifierError(
          `${m} cannot encode a value with wildcards`,
          "Remove the wildcards; use base64offset|contains to find it inside a string.",
        );
      const input = bytes ?? variants.map((v) => Buffer.from(plain(v.parts), "utf8").toString("latin1"));
      const encoded = input.flatMap((b) => (m === "base64" ? [toBase64(b)] : base64Offsets(b)));
      variants = encoded.map((e) => ({ parts: [e] }));
      bytes = null;
    } else if (m === "windash") {
      variants = variants.flatMap((v) =>
        v.parts.length === 1 && typeof v.parts[0] === "string"
          ? windashVariants(v.parts[0]).map((w) => ({ parts: [w] as StringPart[] }))
          : windashVariants(plain(v.parts)).map((w) => ({ parts: parseWildcards(w) })),
      );
    }
  }
  if (bytes)
    throw new ModifierError(
      "an encoding modifier must be followed by base64 or base64offset",
      "Write e.g. field|wide|base64offset|contains.",
    );
  const star = { wildcard: "*" } as const;
  const cased = has("cased");
  return variants.map((v) => {
    let parts = v.parts;
    if (has("contains") || has("endswith")) parts = [star, ...parts];
    if (has("contains") || has("startswith")) parts = [...parts, star];
    const wildcards = parts.filter((p) => typeof p !== "string").length;
    if (wildcards > MAX_WILDCARDS)
      throw new ModifierError(
        `the value has ${wildcards} wildcards, over the ${MAX_WILDCARDS} limit`,
        "Match fewer, longer literal parts, or use several values with contains|all.",
      );
    return { kind: "string", parts, cased };
  });
}
