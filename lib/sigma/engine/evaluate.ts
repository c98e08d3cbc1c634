// Runs a detection rule against events: which events match and which search identifiers fired.
// Sigma matching is case-insensitive unless `cased`; regexes are case-sensitive unless `i`.
// Anything the engine cannot decide (placeholders without values, correlations) throws.
// Wildcards run on a linear matcher and regexes on RE2 (no backtracking on user input), and the
// work is charged to a Budget, so a request's cost is bounded however rule and events combine.
import { Budget } from "@/lib/sigma/engine/budget";
import { expandCondition } from "@/lib/sigma/engine/condition";
import { MAX_EVENT_DEPTH, REGEX_INSTRUCTIONS_PER_UNIT, TEST_UNITS } from "@/lib/sigma/engine/limits";
import type {
  ConditionNode,
  DetectionGroup,
  DetectionItem,
  DetectionRule,
  SigmaValue,
  TimePart,
} from "@/lib/sigma/engine/model";
import { parseWildcards } from "@/lib/sigma/engine/modifiers";
import { regexOf } from "@/lib/sigma/engine/regex";
import { WildcardPattern } from "@/lib/sigma/engine/wildcard";

export class SigmaEvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SigmaEvalError";
  }
}

type Event = Record<string, unknown>;
/** `budget` is shared by every event of one request; without it each call gets its own. */
export type EvalOptions = { placeholders?: Record<string, string[]>; budget?: Budget };
type Ctx = { placeholders?: Record<string, string[]>; budget: Budget };

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

type StringValue = Extract<SigmaValue, { kind: "string" }>;
const patterns = new WeakMap<StringValue, WildcardPattern>();
const keywordPatterns = new WeakMap<StringValue, WildcardPattern>();

function patternOf(value: StringValue, keyword = false): WildcardPattern {
  const cache = keyword ? keywordPatterns : patterns;
  let pattern = cache.get(value);
  if (!pattern) {
    // Keyword searches look for the value anywhere in any field, as full-text search does.
    const star = { wildcard: "*" } as const;
    pattern = new WildcardPattern(keyword ? [star, ...value.parts, star] : value.parts, value.cased);
    cache.set(value, pattern);
  }
  return pattern;
}

function testRegex(value: Extract<SigmaValue, { kind: "regex" }>, text: string, budget: Budget): boolean {
  const { re, size } = regexOf(value);
  budget.spend(TEST_UNITS + text.length * (1 + Math.floor(size / REGEX_INSTRUCTIONS_PER_UNIT)));
  return re.test(text);
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

const compare = (n: number, op: "gt" | "gte" | "lt" | "lte", v: number) =>
  op === "gt" ? n > v : op === "gte" ? n >= v : op === "lt" ? n < v : n <= v;

// An ISO 8601 date or date-time; without an offset it is read as UTC, like the targets' stored
// timestamps. The specification's time modifiers convert no time zones or formats.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** The part of a date, in UTC; weeks are ISO 8601 weeks (pySigma's %V). Null if not a date. */
export function timePart(text: string, part: TimePart): number | null {
  const trimmed = text.trim();
  if (!ISO_DATE.test(trimmed)) return null;
  const iso = trimmed.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  const zoned = /(?:Z|[+-]\d{2}:\d{2})$/i.test(iso) || iso.length === 10;
  const date = new Date(zoned ? iso : `${iso}Z`);
  if (Number.isNaN(date.getTime())) return null;
  switch (part) {
    case "minute":
      return date.getUTCMinutes();
    case "hour":
      return date.getUTCHours();
    case "day":
      return date.getUTCDate();
    case "month":
      return date.getUTCMonth() + 1;
    case "year":
      return date.getUTCFullYear();
    case "week": {
      // The ISO week holds the week's Thursday: move to it, count weeks from its year's 1 January.
      const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
      thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
      const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
      return 1 + Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000));
    }
  }
}

function matchOne(actual: unknown, value: SigmaValue, event: Event, ctx: Ctx): boolean {
  if (value.kind === "null") return actual === undefined || actual === null || actual === "";
  if (value.kind === "exists") return (actual !== undefined && actual !== null) === value.value;
  if (actual === undefined || actual === null) return false;
  if (Array.isArray(actual)) return actual.some((a) => matchOne(a, value, event, ctx));
  const text = scalarText(actual);
  if (text === null) return false;
  if (value.kind !== "string" && value.kind !== "regex") ctx.budget.spend(text.length + TEST_UNITS);
  switch (value.kind) {
    case "string":
      return patternOf(value).test(text, ctx.budget);
    case "regex":
      return testRegex(value, text, ctx.budget);
    case "number":
      return text.trim() !== "" && Number(text) === value.value;
    case "boolean":
      return text.toLowerCase() === String(value.value);
    case "cidr":
      return inCidr(text, value.network);
    case "compare": {
      const n = Number(text);
      if (text.trim() === "" || Number.isNaN(n)) return false;
      return compare(n, value.op, value.value);
    }
    case "timepart": {
      const n = timePart(text, value.part);
      if (n === null) return false;
      return value.op === "eq" ? n === value.value : compare(n, value.op, value.value);
    }
    case "fieldref": {
      const other = scalarText(lookup(event, value.field));
      if (other === null) return false;
      ctx.budget.spend(other.length);
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
      const values = ctx.placeholders?.[value.placeholder];
      if (!values)
        throw new SigmaEvalError(
          `the value uses placeholder %${value.placeholder}%, which has no values here`,
        );
      // A placeholder's values are Sigma strings, wildcards included, as the backends resolve them.
      return values.some((v) => new WildcardPattern(parseWildcards(v), false).test(text, ctx.budget));
    }
  }
}

function collectScalars(event: unknown, out: string[]): string[] {
  if (event && typeof event === "object") for (const v of Object.values(event)) collectScalars(v, out);
  else {
    const t = scalarText(event);
    if (t !== null) out.push(t);
  }
  return out;
}

const eventScalars = new WeakMap<Event, string[]>();

/** Every scalar of the event, for keyword searches: walked once per event, not once per keyword. */
function scalars(event: Event): string[] {
  let list = eventScalars.get(event);
  if (!list) {
    list = collectScalars(event, []);
    eventScalars.set(event, list);
  }
  return list;
}

function matchItem(event: Event, item: DetectionItem, ctx: Ctx): boolean {
  if (item.field === null) {
    const texts = scalars(event);
    ctx.budget.spend(texts.length);
    const test = (v: SigmaValue) =>
      v.kind === "string"
        ? texts.some((t) => patternOf(v, true).test(t, ctx.budget))
        : texts.some((t) => matchOne(t, v, event, ctx));
    return item.link === "and" ? item.values.every(test) : item.values.some(test);
  }
  const actual = lookup(event, item.field);
  const test = (v: SigmaValue) => matchOne(actual, v, event, ctx);
  return item.link === "and" ? item.values.every(test) : item.values.some(test);
}

function matchGroup(event: Event, group: DetectionGroup, ctx: Ctx): boolean {
  const test = (x: DetectionItem | DetectionGroup) =>
    x.type === "item" ? matchItem(event, x, ctx) : matchGroup(event, x, ctx);
  const matched = group.link === "and" ? group.items.every(test) : group.items.some(test);
  return group.negated ? !matched : matched;
}

function evalCondition(node: ConditionNode, fired: Map<string, boolean>, budget: Budget): boolean {
  budget.spend(TEST_UNITS);
  switch (node.type) {
    case "id": {
      const v = fired.get(node.name);
      if (v === undefined)
        throw new SigmaEvalError(`the condition names "${node.name}", which is not a search identifier`);
      return v;
    }
    case "not":
      return !evalCondition(node.arg, fired, budget);
    case "and":
      return node.args.every((a) => evalCondition(a, fired, budget));
    case "or":
      return node.args.some((a) => evalCondition(a, fired, budget));
    case "of":
      throw new SigmaEvalError("internal: unexpanded of-expression");
  }
}

export type EventResult = { matched: boolean; fired: string[] };

const expanded = new WeakMap<DetectionRule, ConditionNode[]>();

/** The rule's conditions with `of` expanded, once per rule rather than once per event. */
function conditionsOf(rule: DetectionRule): ConditionNode[] {
  let list = expanded.get(rule);
  if (!list) {
    const names = [...rule.detections.keys()];
    list = rule.conditions.map((c) => expandCondition(c, names));
    expanded.set(rule, list);
  }
  return list;
}

export function evaluateEvent(rule: DetectionRule, event: Event, options: EvalOptions = {}): EventResult {
  if (rule.conditions.length === 0) throw new SigmaEvalError("the rule has no valid condition");
  const ctx: Ctx = { placeholders: options.placeholders, budget: options.budget ?? new Budget() };
  const names = [...rule.detections.keys()];
  const fired = new Map<string, boolean>();
  for (const [name, group] of rule.detections) fired.set(name, matchGroup(event, group, ctx));
  const matched = conditionsOf(rule).some((c) => evalCondition(c, fired, ctx.budget));
  return { matched, fired: names.filter((n) => fired.get(n)) };
}

/** How deeply arrays and objects nest in a parsed event, walked without recursion. */
function tooDeep(value: unknown): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth >= MAX_EVENT_DEPTH) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Events as JSON (one object or an array) or NDJSON (one object per line). */
export function parseEvents(text: string): Event[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const asObjects = (v: unknown, where: string): Event[] => {
    const list = Array.isArray(v) ? v : [v];
    list.forEach((e, i) => {
      const what = `${where}${Array.isArray(v) ? ` item ${i + 1}` : ""}`;
      if (!e || typeof e !== "object" || Array.isArray(e))
        throw new SigmaEvalError(`${what} is not a JSON object`);
      if (tooDeep(e))
        throw new SigmaEvalError(`${what} nests arrays or objects more than ${MAX_EVENT_DEPTH} levels deep`);
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
