// Authentication through better-auth with its Prisma adapter: email and password with
// verification and reset, optional GitHub and Google sign-in, sessions in the database.
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "@/lib/db/client";
import { CLIENT_ADDRESS_HEADER, withClientAddress } from "@/lib/auth/client-address";
import { authSecret, env } from "@/lib/env";
import { runInBackground, sendMailLater } from "@/lib/auth/deferred";
import { equalWorkHook } from "@/lib/auth/equal-work";
import { SITE } from "@/lib/site";

const production = env.NODE_ENV === "production";

function socialProviders() {
  const providers: Record<string, { clientId: string; clientSecret: string }> = {};
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET)
    providers.github = { clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET };
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET)
    providers.google = { clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET };
  return providers;
}

export const enabledSocialProviders = Object.keys(socialProviders());

function createAuth() {
  const auth = betterAuth({
    appName: SITE.name,
    baseURL: SITE.url,
    secret: authSecret(),
    trustedOrigins: [SITE.url],
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      // Also makes sign-up answer the same way for new and existing addresses (no enumeration):
      // better-auth then hashes the password and returns a synthetic user for an existing one.
      requireEmailVerification: true,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword({ user, url }) {
        return sendMailLater({
          to: user.email,
          subject: "Reset your Detection Atlas password",
          text: `Someone asked to reset the password of this Detection Atlas account.\n\nReset it here (valid for one hour): ${url}\n\nIf it was not you, ignore this message; your password is unchanged.`,
        });
      },
      onExistingUserSignUp({ user }) {
        return sendMailLater({
          to: user.email,
          subject: "Sign-up attempt for your Detection Atlas account",
          text: `Someone tried to create a Detection Atlas account with this address, which already has one.\n\nIf it was you, sign in at ${SITE.url}/sign-in or reset your password at ${SITE.url}/forgot-password.`,
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: false,
      sendVerificationEmail({ user, url }) {
        return sendMailLater({
          to: user.email,
          subject: "Verify your Detection Atlas email address",
          text: `Welcome to Detection Atlas.\n\nConfirm this address to finish creating your account: ${url}\n\nIf you did not sign up, ignore this message.`,
        });
      },
    },
    socialProviders: socialProviders(),
    user: { deleteUser: { enabled: true } },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/sign-up/email": { window: 60, max: 10 },
        "/request-password-reset": { window: 60, max: 5 },
        "/reset-password": { window: 60, max: 10 },
        "/change-password": { window: 60, max: 10 },
      },
    },
    advanced: {
      useSecureCookies: production && SITE.url.startsWith("https://"),
      defaultCookieAttributes: {
        httpOnly: true,
        sameSite: "lax",
        secure: production && SITE.url.startsWith("https://"),
      },
      // Only the address withClientAddress resolved; better-auth on its own would believe a
      // client's single-valued X-Forwarded-For.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      // Mail is sent after the answer, so its latency cannot tell known addresses from unknown.
      backgroundTasks: { handler: runInBackground },
      // better-auth skips callbackURL / redirectTo checks under NODE_ENV=test; keep them on so the
      // tests exercise what production does.
      disableOriginCheck: false,
    },
    hooks: { after: equalWorkHook },
    plugins: [nextCookies()],
  });
  // Rate limits run first thing inside better-auth's handler, so the address is set before it.
  const handler = auth.handler;
  return Object.assign(auth, { handler: (request: Request) => handler(withClientAddress(request)) });
}

let instance: ReturnType<typeof createAuth> | undefined;

/** Created on first request, not at import, so the static build never touches the database. */
export function getAuth() {
  instance ??= createAuth();
  return instance;
}
