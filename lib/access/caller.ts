// "Who is this visitor and what may they see?" for pages, actions and route handlers that run
// with the browser session. Wrapped in React cache() so one request asks the database once.
// The API and exports also accept keys: lib/access/api-caller.ts.
import "server-only";
import { cache } from "react";
import { getViewer } from "@/lib/auth/session";
import { mintProAccess, type ProAccess } from "@/lib/access/pro-access";
import { readEntitlement, type Entitlement } from "@/lib/access/subscription-store";
import type { Viewer } from "@/lib/access/viewer";

export type ProGate =
  | { state: "anonymous" }
  | { state: "free"; viewer: Viewer; entitlement: Entitlement }
  | { state: "pro"; viewer: Viewer; entitlement: Entitlement; access: ProAccess };

/** The one answer to "may this visitor read Pro content now?". */
export const checkProAccess = cache(async (now: Date = new Date()): Promise<ProGate> => {
  const viewer = await getViewer();
  if (!viewer) return { state: "anonymous" };
  const entitlement = await readEntitlement(viewer.userId, now);
  if (entitlement.plan !== "pro") return { state: "free", viewer, entitlement };
  return { state: "pro", viewer, entitlement, access: mintProAccess(viewer.userId) };
});

export { getViewer };
export type { Viewer, ProAccess, Entitlement };
