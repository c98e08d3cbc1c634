// POST (form) → 303 to Stripe's Customer Portal, or to the demo portal in local billing mode.
import { NextResponse } from "next/server";
import { getViewer } from "@/lib/access/caller";
import { portalUrl } from "@/lib/billing/service";
import { isSameOrigin } from "@/lib/security/same-origin";
import { seeOther } from "@/lib/http/see-other";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (!isSameOrigin(request))
    return NextResponse.json({ error: "cross-site request refused" }, { status: 403 });
  const viewer = await getViewer();
  if (!viewer) return seeOther("/sign-in?next=/account");
  try {
    const url = await portalUrl(viewer);
    if (!url) return NextResponse.json({ error: "there is no subscription to manage" }, { status: 404 });
    return seeOther(url);
  } catch (error) {
    console.error("portal failed", error);
    return NextResponse.json(
      { error: "the payment provider is unavailable, try again shortly" },
      { status: 503 },
    );
  }
}
