// Runs once when a Next.js server starts (`next start`, `next dev`; never during `next build`).
export async function register() {
  // The check reads process.env and may exit the process: Node.js runtime only.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseToStartWithoutBillingMode } = await import("@/lib/billing/startup-check");
  refuseToStartWithoutBillingMode();
  // The search index takes about a second to build (9 s at 3,000 detections); build it once the
  // server is up rather than on the first search. Not awaited: start-up does not wait for it.
  const { warmSearchIndex } = await import("@/lib/search/server-search");
  setTimeout(warmSearchIndex, 0);
}
