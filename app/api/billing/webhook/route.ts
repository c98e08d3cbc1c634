// Stripe webhook endpoint. The signature is checked on the raw body, so read text, not JSON.
import { NextResponse } from "next/server";
import { receiveStripeWebhook } from "@/lib/billing/service";
import { BodyTooLargeError, bodyTooLargeResponse, readTextCapped } from "@/lib/http/read-body";

export const dynamic = "force-dynamic";

/** Stripe's own events are a few KB; anything this big is not from Stripe. */
const MAX_BODY_BYTES = 512 * 1024;

export async function POST(request: Request) {
  let raw: string;
  try {
    raw = await readTextCapped(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(error);
    throw error;
  }
  try {
    const answer = await receiveStripeWebhook(raw, request.headers.get("stripe-signature"));
    return NextResponse.json(answer.body, { status: answer.status });
  } catch (error) {
    // Verified but not stored (database down): 503 makes Stripe retry the delivery later.
    console.error("webhook not applied", error);
    return NextResponse.json({ received: false, error: "temporarily unavailable" }, { status: 503 });
  }
}
