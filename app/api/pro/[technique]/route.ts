import { checkProAccess } from "@/lib/access/caller";
import { getCatalog, getTechnique } from "@/lib/content/catalog";
import { readProSections } from "@/lib/content/pro";

// Per visitor, never cached by anyone: Pro bodies only leave the server for entitled users.
export const dynamic = "force-dynamic";
const PRIVATE = { "cache-control": "private, no-store", vary: "cookie" };

export async function GET(_request: Request, ctx: RouteContext<"/api/pro/[technique]">) {
  const { technique: id } = await ctx.params;
  const technique = getTechnique(id);
  if (!technique) return Response.json({ error: "unknown technique" }, { status: 404, headers: PRIVATE });

  let gate;
  try {
    gate = await checkProAccess();
  } catch (error) {
    console.error("Pro entitlement check failed", error);
    return Response.json(
      {
        error: "unavailable",
        message: "We could not check your subscription just now. Try again in a moment.",
      },
      { status: 503, headers: { ...PRIVATE, "retry-after": "5" } },
    );
  }
  if (gate.state === "anonymous")
    return Response.json({ error: "sign-in required" }, { status: 401, headers: PRIVATE });
  if (gate.state === "free")
    return Response.json({ error: "pro required" }, { status: 403, headers: PRIVATE });

  const names = new Map(getCatalog().proSections.map((s) => [s.id, s.name]));
  const sections = await readProSections(gate.access, technique.id);
  return Response.json(
    { sections: sections.map((s) => ({ id: s.id, name: names.get(s.id) ?? s.id, html: s.html })) },
    { headers: PRIVATE },
  );
}
