// Runs once when a Next.js server starts (`next start`, `next dev`; never during `next build`).
export async function register() {
  // The check reads process.env and may exit the process: Node.js runtime only.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseToStartWithoutBillingMode } = await import("@/lib/billing/startup-check");
  refuseToStartWithoutBillingMode();
}
