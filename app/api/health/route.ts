// GET /api/health: 200 while this process answers requests (no database involved, so a load
// balancer does not take every instance out when the database blips). `?db=1` also asks the
// database for `SELECT 1` and answers 503 when it cannot.
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";
const HEADERS = { "cache-control": "no-store" };
const DB_TIMEOUT_MS = 2000;

export async function GET(request: Request) {
  if (new URL(request.url).searchParams.get("db") !== "1")
    return Response.json({ status: "ok" }, { headers: HEADERS });
  try {
    await withTimeout(getDb().$queryRaw`SELECT 1`, DB_TIMEOUT_MS);
    return Response.json({ status: "ok", database: "ok" }, { headers: HEADERS });
  } catch (error) {
    console.error("health: database check failed", error);
    return Response.json(
      { status: "degraded", database: "unavailable" },
      { status: 503, headers: { ...HEADERS, "retry-after": "30" } },
    );
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
