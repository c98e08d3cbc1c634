// Stripe webhook endpoint. The signature is checked on the raw body, so read text, not JSON.
import { NextResponse } from "next/server";
import { receiveStripeWebhook } from "@/lib/billing/service";

export const dynamic = "force-dynamic";

/** Stripe's own events are a few KB; anything this big is not from Stripe. */
const MAX_BODY_BYTES = 512 * 1024;

export async function POST(request: Request) {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return NextResponse.json({ error: "payload too large" }, { status: 413 });
  const raw = await request.text();
  if (raw.length > MAX_BODY_BYTES) return NextResponse.json({ error: "payload too large" }, { status: 413 });
  try {
    const answer = await receiveStripeWebhook(raw, request.headers.get("stripe-signature"));
    return NextResponse.json(answer.body, { status: answer.status });
  } catch (error) {
    // Verified but not stored (database down): 503 makes Stripe retry the delivery later.
    console.error("webhook not applied", error);
    return NextResponse.json({ received: false, error: "temporarily unavailable" }, { status: 503 });
  }
}
