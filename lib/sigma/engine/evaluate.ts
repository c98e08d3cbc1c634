// Runs a detection rule against events: which events match and which search identifiers fired.
// Sigma matching is case-insensitive unless `cased`; regexes are case-sensitive unless `i`.
// Anything the engine cannot decide (placeholders without values, correlations) throws.
import { expandCondition } from "@/lib/sigma/engine/condition";
import type {
  ConditionNode,
  DetectionGroup,
  DetectionItem,
  DetectionRule,
  SigmaValue,
} from "@/lib/sigma/engine/model";

export class SigmaEvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SigmaEvalError";
  }
}

type Event = Record<string, unknown>;
export type EvalOptions = { placeholders?: Record<string, string[]> };

/** A flat key ("a.b") first, then nested objects (a: { b }). */
export function lookup(event: Event, field: string): unknown {
  if (field in event) return event[field];
  let current: unknown = event;
  for (const part of field.split(".")) {
    if (current === null || typeof current !== "object" || !(part in current)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

const regexCache = new WeakMap<object, RegExp>();

function compiled(value: SigmaValue & { kind: "string" | "regex" }): RegExp {
  let re = regexCache.get(value);
  if (re) return re;
  if (value.kind === "regex") {
    const flags = (value.flags.i ? "i" : "") + (value.flags.m ? "m" : "") + (value.flags.s ? "s" : "");
    re = new RegExp(value.pattern, flags);
  } else {
    const body = value.parts
      .map((p) =>
        typeof p === "string"
          ? p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
          : p.wildcard === "*"
            ? "[\\s\\S]*"
            : "[\\s\\S]",
      )
      .join("");
    re = new RegExp(`^${body}$`, value.cased ? "" : "i");
  }
  regexCache.set(value, re);
  return re;
}

function ipBits(ip: string): bigint | null {
  if (ip.includes(":")) {
    const [head, tail] = ip.split("::");
    const h = head ? head.split(":") : [];
    const t = tail !== undefined ? (tail ? tail.split(":") : []) : [];
    const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
    if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
    return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
  }
  const parts = ip.split(".");
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function inCidr(value: string, network: string): boolean {
  const [net, bits] = network.split("/");
  const width = net!.includes(":") ? 128n : 32n;
  if (value.includes(":") !== net!.includes(":")) return false;
  const a = ipBits(value);
  const b = ipBits(net!);
  if (a === null || b === null) return false;
  const shift = width - BigInt(bits!);
  return a >> shift === b >> shift;
}

const scalarText = (v: unknown) =>
  typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : null;

function matchOne(actual: unknown, value: SigmaValue, event: Event, options: EvalOptions): boolean {
  if (value.kind === "null") return actual === undefined || actual === null || actual === "";
  if (value.kind === "exists") return (actual !== undefined && actual !== null) === value.value;
  if (actual === undefined || actual === null) return false;
  if (Array.isArray(actual)) return actual.some((a) => matchOne(a, value, event, options));
  const text = scalarText(actual);
  if (text === null) return false;
  switch (value.kind) {
    case "string":
    case "regex":
      return compiled(value).test(text);
    case "number":
      return text.trim() !== "" && Number(text) === value.value;
    case "boolean":
      return text.toLowerCase() === String(value.value);
    case "cidr":
      return inCidr(text, value.network);
    case "compare": {
      const n = Number(text);
      if (text.trim() === "" || Number.isNaN(n)) return false;
      return value.op === "gt"
        ? n > value.value
        : value.op === "gte"
          ? n >= value.value
          : value.op === "lt"
            ? n < value.value
            : n <= value.value;
    }
    case "fieldref": {
      const other = scalarText(lookup(event, value.field));
      if (other === null) return false;
      const [a, b] = [text.toLowerCase(), other.toLowerCase()];
      return value.match === "eq"
        ? a === b
        : value.match === "contains"
          ? a.includes(b)
          : value.match === "startswith"
            ? a.startsWith(b)
            : a.endsWith(b);
    }
    case "expand": {
      const values = options.placeholders?.[value.placeholder];
      if (!values)
        throw new SigmaEvalError(
          `the value uses placeholder %${value.placeholder}%, which has no values here`,
        );
      return values.some((v) => v.toLowerCase() === text.toLowerCase());
    }
  }
}

function scalars(event: unknown, out: string[] = []): string[] {
  if (event && typeof event === "object") for (const v of Object.values(event)) scalars(v, out);
  else {
    const t = scalarText(event);
    if (t !== null) out.push(t);
  }
  return out;
}

function matchItem(event: Event, item: DetectionItem, options: EvalOptions): boolean {
  if (item.field === null) {
    // Keyword searches look for the value anywhere in any field, as full-text search does.
    const texts = scalars(event);
    const test = (v: SigmaValue) => {
      if (v.kind !== "string") return texts.some((t) => matchOne(t, v, event, options));
      const star = { wildcard: "*" } as const;
      const loose = { ...v, parts: [star, ...v.parts, star] };
      return texts.some((t) => compiled(loose).test(t));
    };
    return item.link === "and" ? item.values.every(test) : item.values.some(test);
  }
  const actual = lookup(event, item.field);
  const test = (v: SigmaValue) => matchOne(actual, v, event, options);
  return item.link === "and" ? item.values.every(test) : item.values.some(test);
}

function matchGroup(event: Event, group: DetectionGroup, options: EvalOptions): boolean {
  const test = (x: DetectionItem | DetectionGroup) =>
    x.type === "item" ? matchItem(event, x, options) : matchGroup(event, x, options);
  return group.link === "and" ? group.items.every(test) : group.items.some(test);
}

function evalCondition(node: ConditionNode, fired: Map<string, boolean>): boolean {
  switch (node.type) {
    case "id": {
      const v = fired.get(node.name);
      if (v === undefined)
        throw new SigmaEvalError(`the condition names "${node.name}", which is not a search identifier`);
      return v;
    }
    case "not":
      return !evalCondition(node.arg, fired);
    case "and":
      return node.args.every((a) => evalCondition(a, fired));
    case "or":
      return node.args.some((a) => evalCondition(a, fired));
    case "of":
      throw new SigmaEvalError("internal: unexpanded of-expression");
  }
}

export type EventResult = { matched: boolean; fired: string[] };

export function evaluateEvent(rule: DetectionRule, event: Event, options: EvalOptions = {}): EventResult {
  if (rule.conditions.length === 0) throw new SigmaEvalError("the rule has no valid condition");
  const names = [...rule.detections.keys()];
  const fired = new Map<string, boolean>();
  for (const [name, group] of rule.detections) fired.set(name, matchGroup(event, group, options));
  const matched = rule.conditions.some((c) => evalCondition(expandCondition(c, names), fired));
  return { matched, fired: names.filter((n) => fired.get(n)) };
}

/** Events as JSON (one object or an array) or NDJSON (one object per line). */
export function parseEvents(text: string): Event[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const asObjects = (v: unknown, where: string): Event[] => {
    const list = Array.isArray(v) ? v : [v];
    list.forEach((e, i) => {
      if (!e || typeof e !== "object" || Array.isArray(e))
        throw new SigmaEvalError(`${where}${Array.isArray(v) ? ` item ${i + 1}` : ""} is not a JSON object`);
    });
    return list as Event[];
  };
  try {
    return asObjects(JSON.parse(trimmed), "the JSON");
  } catch (error) {
    if (error instanceof SigmaEvalError) throw error;
  }
  return trimmed.split(/\r?\n/).flatMap((line, i) => {
    if (!line.trim()) return [];
    try {
      return asObjects(JSON.parse(line), `line ${i + 1}`);
    } catch (error) {
      if (error instanceof SigmaEvalError) throw error;
      throw new SigmaEvalError(`line ${i + 1} is not valid JSON: ${(error as Error).message}`);
    }
  });
}
