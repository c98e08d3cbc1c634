"use server";
// Demo billing actions (BILLING_MODE=demo only; 404 otherwise): they emit the events Stripe would
// send and apply them through the same code as the webhook.
import { notFound, redirect } from "next/navigation";
import { getViewer } from "@/lib/access/caller";
import { billingConfig, isBillingInterval } from "@/lib/billing/config";
import { setLocalCancelAtPeriodEnd, startLocalSubscription } from "@/lib/billing/local-billing";
import { getDb } from "@/lib/db/client";

async function demoViewer() {
  if (billingConfig().mode !== "demo") notFound();
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?next=/pricing");
  return viewer;
}

export async function startDemoSubscription(formData: FormData) {
  const viewer = await demoViewer();
  const interval = formData.get("interval");
  if (!isBillingInterval(interval)) redirect("/pricing");
  await startLocalSubscription(getDb(), viewer.userId, interval);
  redirect("/account?checkout=success");
}

export async function setDemoCancelAtPeriodEnd(formData: FormData) {
  const viewer = await demoViewer();
  await setLocalCancelAtPeriodEnd(getDb(), viewer.userId, formData.get("cancel") === "true");
  redirect("/billing/demo/portal");
}
