// API keys for the signed-in user's account page: the database handle stays here, and every
// function takes the user id the caller got from the entitlement check.
import "server-only";
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeyDto } from "@/lib/access/api-keys";
import { getDb } from "@/lib/db/client";

export type { ApiKeyDto };

export const keysOf = (userId: string) => listApiKeys(getDb(), userId);
export const createKeyFor = (userId: string, name: string) => createApiKey(getDb(), userId, name);
export const revokeKeyOf = (userId: string, keyId: string) => revokeApiKey(getDb(), userId, keyId);
