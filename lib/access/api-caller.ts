// Who is calling the API or an export, and what may they see. A request with
// `Authorization: Bearer <key>` is the key's owner (with the key's rate limit); without it, the
// browser session if any. Entitlement is read per request from the subscription store, never
// stored with the key, so a key stops returning Pro the moment its owner's Pro ends.
import "server-only";
import { checkProAccess } from "@/lib/access/caller";
import { checkApiKey } from "@/lib/access/api-keys";
import { mintProAccess, type ProAccess } from "@/lib/access/pro-access";
import { readEntitlement } from "@/lib/access/subscription-store";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";

export type ApiCaller =
  | { kind: "anonymous" }
  | { kind: "key" | "session"; userId: string; plan: "free" }
  | { kind: "key" | "session"; userId: string; plan: "pro"; access: ProAccess };

export type CallerFailure =
  | { code: "invalid_key"; status: 401; message: string }
  | { code: "rate_limited"; status: 429; message: string; retryAfterSeconds: number };

export type CallerResult = { ok: true; caller: ApiCaller } | { ok: false; failure: CallerFailure };

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export const KEY_RATE_LIMIT = { max: env.API_KEY_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 };

/** Key callers only: the API itself is anonymous or keyed (no cookies, so no cross-site requests). */
export async function resolveKeyCaller(request: Request, now: Date = new Date()): Promise<CallerResult> {
  const header = request.headers.get("authorization");
  if (header === null) return { ok: true, caller: { kind: "anonymous" } };
  const key = BEARER.exec(header)?.[1];
  if (!key) return invalid("The Authorization header must be `Bearer <api key>`.");
  const check = await checkApiKey(getDb(), key, KEY_RATE_LIMIT, now);
  if (!check.ok) {
    if (check.reason === "rate_limited")
      return {
        ok: false,
        failure: {
          code: "rate_limited",
          status: 429,
          message: `This key made more than ${KEY_RATE_LIMIT.max} requests this minute.`,
          retryAfterSeconds: check.retryAfterSeconds,
        },
      };
    return invalid("The API key is malformed, unknown or revoked.");
  }
  const { plan } = await readEntitlement(check.userId, now);
  if (plan === "pro")
    return {
      ok: true,
      caller: { kind: "key", userId: check.userId, plan, access: mintProAccess(check.userId) },
    };
  return { ok: true, caller: { kind: "key", userId: check.userId, plan } };
}

/** Exports: a key when one is presented, otherwise the signed-in session. */
export async function resolveKeyOrSessionCaller(request: Request): Promise<CallerResult> {
  if (request.headers.has("authorization")) return resolveKeyCaller(request);
  const gate = await checkProAccess();
  if (gate.state === "anonymous") return { ok: true, caller: { kind: "anonymous" } };
  const userId = gate.viewer.userId;
  if (gate.state === "pro")
    return { ok: true, caller: { kind: "session", userId, plan: "pro", access: gate.access } };
  return { ok: true, caller: { kind: "session", userId, plan: "free" } };
}

function invalid(message: string): CallerResult {
  return { ok: false, failure: { code: "invalid_key", status: 401, message } };
}
