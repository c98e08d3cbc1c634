// API keys: create (the key is returned once), list, revoke, and authenticate a presented key.
// Only SHA-256(key) is stored. A slow password hash is not needed: the key is 32 random bytes
// (256 bits), so guessing from a leaked hash is hopeless, and a deterministic hash lets one
// indexed lookup find the key on every request.
import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";

export const KEY_PREFIX = "da_live_";
/** da_live_ + 32 random bytes in base64url (43 characters). */
const KEY_PATTERN = /^da_live_[A-Za-z0-9_-]{43}$/;
/** Characters of the key kept in clear so its owner can tell keys apart in the list. */
const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 6;
export const MAX_KEYS_PER_USER = 10;

export type ApiKeyDto = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

export function hashKey(key: string): string {
  return crypto.createHash("sha256").update(key).digest("hex");
}

export function isWellFormedKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export class TooManyKeysError extends Error {
  readonly status = 409;
  constructor() {
    super(`You have ${MAX_KEYS_PER_USER} active keys; revoke one before creating another.`);
  }
}

/** Creates a key and returns it in clear: the only time anyone sees it. */
export async function createApiKey(
  db: PrismaClient,
  userId: string,
  name: string,
): Promise<{ key: string; dto: ApiKeyDto }> {
  const active = await db.apiKey.count({ where: { userId, revokedAt: null } });
  if (active >= MAX_KEYS_PER_USER) throw new TooManyKeysError();
  const key = KEY_PREFIX + crypto.randomBytes(32).toString("base64url");
  const row = await db.apiKey.create({
    data: { userId, name, prefix: key.slice(0, SHOWN_PREFIX_LENGTH), keyHash: hashKey(key) },
  });
  return { key, dto: toDto(row) };
}

export async function listApiKeys(db: PrismaClient, userId: string): Promise<ApiKeyDto[]> {
  const rows = await db.apiKey.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toDto);
}

/** Revokes one of the user's own keys; false when there is no such active key. */
export async function revokeApiKey(db: PrismaClient, userId: string, keyId: string): Promise<boolean> {
  const { count } = await db.apiKey.updateMany({
    where: { id: keyId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

export type KeyCheck =
  | { ok: true; keyId: string; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Authenticates a key and counts the request in its fixed window, in one statement: the row is
 * found by hash, skipped when revoked, and its window reset or incremented atomically, so
 * concurrent requests on several web instances cannot both slip under the limit.
 */
export async function checkApiKey(
  db: PrismaClient,
  key: string,
  limit: { max: number; windowSeconds: number },
  now: Date = new Date(),
): Promise<KeyCheck> {
  if (!isWellFormedKey(key)) return { ok: false, reason: "invalid" };
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await db.$queryRaw<Array<{ id: string; userId: string; windowCount: number }>>`
    UPDATE "api_key" SET
      "lastUsedAt" = ${now},
      "windowCount" = CASE WHEN "windowStart" = ${windowStart} THEN "windowCount" + 1 ELSE 1 END,
      "windowStart" = ${windowStart}
    WHERE "keyHash" = ${hashKey(key)} AND "revokedAt" IS NULL
    RETURNING "id", "userId", "windowCount"`;
  const row = rows[0];
  if (!row) return { ok: false, reason: "invalid" };
  if (Number(row.windowCount) > limit.max) {
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
    );
    return { ok: false, reason: "rate_limited", retryAfterSeconds };
  }
  return { ok: true, keyId: row.id, userId: row.userId };
}

function toDto(row: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  };
}
