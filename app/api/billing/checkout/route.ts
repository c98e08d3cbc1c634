// POST (form) → 303 to Stripe Checkout, or to the demo checkout in local billing mode.
import { NextResponse } from "next/server";
import { checkProAccess } from "@/lib/auth/session";
import { isBillingInterval } from "@/lib/billing/config";
import { checkoutUrl } from "@/lib/billing/service";
import { isSameOrigin } from "@/lib/security/same-origin";
import { seeOther } from "@/lib/http/see-other";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (!isSameOrigin(request))
    return NextResponse.json({ error: "cross-site request refused" }, { status: 403 });
  const form = await request.formData().catch(() => null);
  const interval = form?.get("interval");
  if (!isBillingInterval(interval))
    return NextResponse.json({ error: 'interval must be "monthly" or "yearly"' }, { status: 400 });
  const gate = await checkProAccess();
  if (gate.state === "anonymous") return seeOther("/sign-up");
  if (gate.state === "pro") return seeOther("/account");
  try {
    return seeOther(await checkoutUrl(gate.viewer, interval));
  } catch (error) {
    console.error("checkout failed", error);
    return NextResponse.json(
      { error: "the payment provider is unavailable, try again shortly" },
      { status: 503 },
    );
  }
}
