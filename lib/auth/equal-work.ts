// Makes forgot-password and sign-up do the same database work for known and unknown addresses, so
// response times do not tell who has an account. better-auth already hashes the password for an
// existing email and looks up a dummy token for an unknown one; what remains is that only the
// known-address paths insert rows (a reset token; a user and an account). Here the other path
// writes the same number of throw-away rows, already expired and under a prefix no token uses,
// and both paths make the same extra lookups. The rows are deleted after the response.
import "server-only";
import crypto from "node:crypto";
import { createAuthMiddleware } from "better-auth/api";
import { later, runInBackground } from "@/lib/auth/deferred";
import { getDb } from "@/lib/db/client";

const PAD_PREFIX = "timing-pad:";

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

function padIdentifier(): string {
  return `${PAD_PREFIX}${crypto.randomBytes(18).toString("base64url")}`;
}

async function writePadRows(ctx: HookContext, count: number): Promise<void> {
  for (let i = 0; i < count; i++)
    await ctx.context.internalAdapter.createVerificationValue({
      identifier: padIdentifier(),
      value: "",
      expiresAt: new Date(),
    });
  runInBackground(
    later(() => getDb().verification.deleteMany({ where: { identifier: { startsWith: PAD_PREFIX } } })),
  );
}

function succeeded(returned: unknown): returned is Record<string, unknown> {
  return typeof returned === "object" && returned !== null && !(returned instanceof Error);
}

/**
 * Known address: its accounts are read with the user, and a reset token is inserted. Unknown:
 * better-auth looks up a dummy token. Each path gets the other's missing steps.
 */
async function padPasswordReset(ctx: HookContext): Promise<void> {
  const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
  const user = await ctx.context.internalAdapter.findUserByEmail(email);
  if (user) {
    await ctx.context.internalAdapter.findVerificationValue(padIdentifier());
  } else {
    await ctx.context.internalAdapter.findAccounts(padIdentifier());
    await writePadRows(ctx, 1);
  }
}

/** New address: user and account inserts. Existing: a synthetic user that is not in the database. */
async function padSignUp(ctx: HookContext, returned: Record<string, unknown>): Promise<void> {
  const user = returned.user as { id?: unknown } | undefined;
  if (typeof user?.id !== "string") return;
  const stored = await ctx.context.internalAdapter.findUserById(user.id);
  if (!stored) await writePadRows(ctx, 2);
}

export const equalWorkHook = createAuthMiddleware(async (ctx) => {
  const returned = ctx.context.returned;
  if (!succeeded(returned)) return;
  if (ctx.path === "/request-password-reset") await padPasswordReset(ctx);
  else if (ctx.path === "/sign-up/email") await padSignUp(ctx, returned);
});
