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
  /** Header carrying the client address, set by your load balancer. Unset: use the socket's. */
  CLIENT_IP_HEADER: optional,
});

export const env = schema.parse(process.env);

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
