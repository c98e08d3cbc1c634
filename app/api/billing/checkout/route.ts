// POST (form) → 303 to Stripe Checkout, or to the demo checkout in local billing mode.
import { NextResponse } from "next/server";
import { checkProAccess } from "@/lib/access/caller";
import { isBillingInterval } from "@/lib/billing/config";
import { checkoutUrl } from "@/lib/billing/service";
import { isSameOrigin } from "@/lib/security/same-origin";
import { seeOther } from "@/lib/http/see-other";
import { BodyTooLargeError, bodyTooLargeResponse, readFormCapped } from "@/lib/http/read-body";

export const dynamic = "force-dynamic";
/** The form has one short field; a body this big is not our form. */
const MAX_BODY_BYTES = 16 * 1024;

export async function POST(request: Request) {
  if (!isSameOrigin(request))
    return NextResponse.json({ error: "cross-site request refused" }, { status: 403 });
  let form: FormData | null;
  try {
    form = await readFormCapped(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(error);
    throw error;
  }
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
