// Who is asking, and may they read Pro? Called by every page part, action and route handler
// that needs it (wrapped in React cache() so one request asks the database once).
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { grantsPro } from "@/lib/billing/entitlement-rules";
import { findSubscription } from "@/lib/billing/subscriptions";

export type Viewer = { userId: string; email: string; name: string; emailVerified: boolean };

export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const { user } = session;
  return { userId: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified };
});

/** Proof that the entitlement check passed; only this module can make one. */
declare const proAccessBrand: unique symbol;
export type ProAccess = { readonly [proAccessBrand]: true; readonly userId: string };

export type ProGate =
  | { state: "anonymous" }
  | { state: "free"; viewer: Viewer }
  | { state: "pro"; viewer: Viewer; access: ProAccess };

/** The one answer to "may this visitor read Pro content now?". */
export const checkProAccess = cache(async (now: Date = new Date()): Promise<ProGate> => {
  const viewer = await getViewer();
  if (!viewer) return { state: "anonymous" };
  const subscription = await findSubscription(getDb(), viewer.userId);
  if (!grantsPro(subscription, now)) return { state: "free", viewer };
  return { state: "pro", viewer, access: { userId: viewer.userId } as ProAccess };
});
