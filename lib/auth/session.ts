// Who is signed in, from the better-auth session cookie. Entitlement ("may they read Pro?") is
// decided in lib/access, which builds on this; auth itself knows nothing about billing.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { getAuth } from "@/lib/auth/auth";
import type { Viewer } from "@/lib/access/viewer";

export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const { user } = session;
  return { userId: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified };
});
