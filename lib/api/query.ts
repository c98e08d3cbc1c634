// List parameters of the API: filters, page size and an opaque cursor. Unknown parameters and
// bad values are 400s that name the parameter; a cursor is bound to the filters it was made with.
import crypto from "node:crypto";
import { z } from "zod";
import { TACTIC_SHORT_NAMES } from "@/lib/attack/tactics";
import { SEVERITIES } from "@/lib/content/schema";
import { ApiError } from "@/lib/api/errors";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 100;

export const listQuerySchema = z.strictObject({
  tactic: z.enum(TACTIC_SHORT_NAMES).optional(),
  platform: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
  severity: z.enum(SEVERITIES).optional(),
  data_source: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional(),
  updated_since: z.iso.date().optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_LIMIT))
    .optional(),
  cursor: z.string().max(200).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;
export type ListFilters = Omit<ListQuery, "limit" | "cursor">;

export function filtersOf(q: ListQuery): ListFilters {
  return {
    tactic: q.tactic,
    platform: q.platform,
    severity: q.severity,
    data_source: q.data_source,
    updated_since: q.updated_since,
  };
}

export function parseListQuery(url: URL): ListQuery {
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (key in raw) throw new ApiError("invalid_parameter", `The parameter "${key}" is given twice.`);
    raw[key] = value;
  }
  const parsed = listQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = issue.path[0] ?? (issue.code === "unrecognized_keys" ? issue.keys.join(", ") : "query");
    throw new ApiError("invalid_parameter", `Invalid query parameter ${String(name)}: ${issue.message}.`);
  }
  return parsed.data;
}

function filterHash(filters: ListFilters): string {
  const canonical = JSON.stringify(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined)
      .sort(),
  );
  return crypto.createHash("sha256").update(canonical).digest("base64url").slice(0, 16);
}

const cursorSchema = z.strictObject({ v: z.literal(1), after: z.string().min(1).max(100), f: z.string() });

export function encodeCursor(after: string, filters: ListFilters): string {
  return Buffer.from(JSON.stringify({ v: 1, after, f: filterHash(filters) })).toString("base64url");
}

/** The sort key to continue after; 400 when the cursor is not ours or was made for other filters. */
export function decodeCursor(cursor: string, filters: ListFilters): string {
  let decoded: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error("not base64url");
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new ApiError("invalid_cursor", "The cursor is not one this API returned.");
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success) throw new ApiError("invalid_cursor", "The cursor is not one this API returned.");
  if (parsed.data.f !== filterHash(filters))
    throw new ApiError("invalid_cursor", "The cursor was made for other filters; repeat them unchanged.");
  return parsed.data.after;
}

/** One page of items sorted by `key`, continuing after the cursor's key. */
export function paginate<T>(items: T[], key: (item: T) => string, query: ListQuery) {
  const { limit = DEFAULT_LIMIT, cursor } = query;
  const filters = filtersOf(query);
  const after = cursor === undefined ? undefined : decodeCursor(cursor, filters);
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const rest = after === undefined ? sorted : sorted.filter((item) => key(item) > after);
  const data = rest.slice(0, limit);
  const last = data[data.length - 1];
  const nextCursor = rest.length > limit && last ? encodeCursor(key(last), filters) : null;
  return { data, nextCursor };
}
