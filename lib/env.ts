// Server configuration, parsed once from the environment with a schema.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";

const optional = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  BETTER_AUTH_SECRET: optional,
  SMTP_URL: optional,
  MAIL_FROM: z.string().default("Detection Atlas <no-reply@detection-atlas.local>"),
  OUTBOX_DIR: z.string().default(".data/outbox"),
  GITHUB_CLIENT_ID: optional,
  GITHUB_CLIENT_SECRET: optional,
  GOOGLE_CLIENT_ID: optional,
  GOOGLE_CLIENT_SECRET: optional,
  // Where the client address for rate limits comes from (lib/auth/client-address.ts). Neither set:
  // the TCP peer, which `npm start` (scripts/serve.mjs) passes on; a client's own headers never count.
  /** Number of proxies in front of the site that append to X-Forwarded-For. */
  TRUSTED_PROXY_HOPS: optional
    .transform((v) => (v === undefined ? undefined : Number(v)))
    .pipe(z.number().int().min(1).max(10).optional()),
  /** A header your load balancer overwrites with the single address it received from. */
  CLIENT_IP_HEADER: optional.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, "a header name")
      .transform((v) => v.toLowerCase())
      .optional(),
  ),
  /** Requests per minute for each API key (lib/access/api-caller.ts). */
  API_KEY_RATE_LIMIT_PER_MINUTE: optional
    .transform((v) => (v === undefined ? 120 : Number(v)))
    .pipe(z.number().int().min(1).max(100_000)),
});

export const env = schema
  .refine((e) => !(e.TRUSTED_PROXY_HOPS && e.CLIENT_IP_HEADER), {
    message: "Set TRUSTED_PROXY_HOPS or CLIENT_IP_HEADER, not both: they describe different proxies",
  })
  .parse(process.env);

/**
 * The auth secret signs session cookies. Production deployments set BETTER_AUTH_SECRET; a fresh
 * self-hosted or development install gets a random one kept in .data/ so sessions survive restarts.
 */
export function authSecret(): string {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  const file = path.resolve(/*turbopackIgnore: true*/ ".data/auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return fs.readFileSync(file, "utf8").trim();
}
