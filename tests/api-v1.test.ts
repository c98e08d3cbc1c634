// The JSON API v1 end to end below HTTP: the route handlers called directly on the fixture corpus
// (whose Pro files hold canary strings), API keys in a real database (PGlite, and PostgreSQL
// under npm test), and every response validated against the generated OpenAPI document.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/generated/client";
import { DATABASE_KINDS, scratchDatabase, serverUrl } from "@/tests/support/databases";

const setup = vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content";
  process.env.API_KEY_RATE_LIMIT_PER_MINUTE = "5";
  return { db: undefined as unknown as PrismaClient };
});
vi.mock("@/lib/db/client", () => ({ getDb: () => setup.db }));
// No browser session in these tests: exports fall back to it when no key is sent.
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => null }));

const { GET: listTechniques, POST: postTechniques } = await import("@/app/api/v1/techniques/route");
const { GET: getTechnique } = await import("@/app/api/v1/techniques/[id]/route");
const { GET: listDetections } = await import("@/app/api/v1/detections/route");
const { GET: getDetection } = await import("@/app/api/v1/detections/[id]/route");
const { GET: openapi } = await import("@/app/api/v1/openapi.json/route");
const { GET: unknownPath } = await import("@/app/api/v1/[...rest]/route");
const { GET: exportPack } = await import("@/app/api/v1/exports/[pack]/route");
const { checkApiKey, createApiKey, MAX_KEYS_PER_USER, revokeApiKey, TooManyKeysError } =
  await import("@/lib/access/api-keys");

const CANARY = /CANARY-PRO-[A-Z_]+-7f3a9c/;
const BASE = "http://localhost:3000/api/v1";

const doc = (await (await openapi()).json()) as {
  openapi: string;
  paths: Record<
    string,
    { get: { responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> } }
  >;
  components: { schemas: Record<string, unknown> };
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "openapi.json", components: doc.components });

/** Validates a response against the document's schema for this path and status. */
async function conforming(template: string, response: Response): Promise<Record<string, unknown>> {
  const spec = doc.paths[template]?.get.responses[String(response.status)];
  expect(spec, `${template} documents status ${response.status}`).toBeDefined();
  if (response.status === 304) return {};
  const ref = spec!.content!["application/json"]!.schema.$ref;
  const validate = ajv.getSchema(`openapi.json${ref}`)!;
  const body = (await response.json()) as Record<string, unknown>;
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  return body;
}

function request(path: string, init: { key?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key !== undefined) headers.authorization = `Bearer ${init.key}`;
  return new Request(`${BASE}${path}`, { headers });
}
const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const none = params({});

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 and every referenced schema compiles", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const [id] of Object.entries(doc.components.schemas))
      expect(ajv.getSchema(`openapi.json#/components/schemas/${id}`), id).toBeDefined();
  });
});

describe("anonymous API", () => {
  it("lists techniques and detections in the documented shape, without Pro text", async () => {
    const techniques = await conforming("/techniques", await listTechniques(request("/techniques"), none));
    expect((techniques.data as Array<{ id: string }>).map((t) => t.id)).toEqual(["T1059.001"]);
    const detections = await conforming("/detections", await listDetections(request("/detections"), none));
    expect((detections.data as unknown[]).length).toBe(2);
    expect(JSON.stringify([techniques, detections])).not.toMatch(CANARY);
  });

  it("returns one technique and one detection with query, deployment, tuning, changelog and Sigma, without Pro", async () => {
    const t = await conforming(
      "/techniques/{id}",
      await getTechnique(request("/techniques/T1059.001"), params({ id: "T1059.001" })),
    );
    const data = t.data as { detections: Array<{ id: string }>; pro?: unknown; sigma: { source: string } };
    expect(data.pro).toBeUndefined();
    expect(data.sigma.source).toContain("title:");
    const id = data.detections[0]!.id;
    const res = await getDetection(request(`/detections/${id}`), params({ id }));
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const d = await conforming("/detections/{id}", res);
    const detection = d.data as Record<string, unknown>;
    for (const field of [
      "query",
      "deployment",
      "dataSourceDetails",
      "falsePositives",
      "tuning",
      "changelog",
      "sigma",
    ])
      expect(detection[field], field).toBeDefined();
    expect(detection.pro).toBeUndefined();
    expect((d.meta as { pro: boolean }).pro).toBe(false);
    expect(JSON.stringify([t, d])).not.toMatch(CANARY);
  });

  it("answers 304 to an unchanged ETag and 200 to another", async () => {
    const first = await listTechniques(request("/techniques"), none);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await listTechniques(request("/techniques", { headers: { "if-none-match": etag } }), none);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    await conforming("/techniques", again);
    const other = await listTechniques(
      request("/techniques", { headers: { "if-none-match": '"other"' } }),
      none,
    );
    expect(other.status).toBe(200);
  });

  it("filters and pages with an opaque cursor bound to the filters", async () => {
    const page1 = await conforming("/detections", await listDetections(request("/detections?limit=1"), none));
    expect((page1.data as unknown[]).length).toBe(1);
    const cursor = page1.nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    const page2 = await conforming(
      "/detections",
      await listDetections(request(`/detections?limit=1&cursor=${cursor}`), none),
    );
    expect(page2.nextCursor).toBeNull();
    expect(page2.data).not.toEqual(page1.data);
    const splunk = await conforming(
      "/detections",
      await listDetections(request("/detections?platform=splunk"), none),
    );
    expect((splunk.data as Array<{ platform: string }>).map((d) => d.platform)).toEqual(["splunk"]);
    const none2 = await conforming(
      "/detections",
      await listDetections(request("/detections?updated_since=2999-01-01"), none),
    );
    expect(none2.data).toEqual([]);
    const other = await listDetections(request(`/detections?limit=1&platform=splunk&cursor=${cursor}`), none);
    expect(other.status).toBe(400);
    expect(((await conforming("/detections", other)).error as { code: string }).code).toBe("invalid_cursor");
  });

  it.each([
    ["/techniques?cursor=%%%", "invalid_cursor"],
    ["/techniques?cursor=bm90IGpzb24", "invalid_cursor"],
    ["/techniques?limit=0", "invalid_parameter"],
    ["/techniques?limit=1000", "invalid_parameter"],
    ["/techniques?severity=huge", "invalid_parameter"],
    ["/techniques?platform=nosuch", "invalid_parameter"],
    ["/techniques?updated_since=yesterday", "invalid_parameter"],
    ["/techniques?colour=blue", "invalid_parameter"],
    ["/techniques?tactic=execution&tactic=execution", "invalid_parameter"],
  ])("answers 400 with a stable code to %s", async (path, code) => {
    const res = await listTechniques(request(path), none);
    expect(res.status).toBe(400);
    const body = await conforming("/techniques", res);
    expect((body.error as { code: string }).code).toBe(code);
    expect(JSON.stringify(body)).not.toMatch(/\bat \w+ \(|node_modules/);
  });

  it("answers 404, 405 and 413 as JSON errors", async () => {
    const missing = await getTechnique(request("/techniques/T9999"), params({ id: "T9999" }));
    expect(missing.status).toBe(404);
    expect(((await conforming("/techniques/{id}", missing)).error as { code: string }).code).toBe(
      "not_found",
    );
    const missingDetection = await getDetection(request("/detections/x"), params({ id: "x" }));
    expect(missingDetection.status).toBe(404);
    const elsewhere = await unknownPath();
    expect(elsewhere.status).toBe(404);
    expect(((await elsewhere.json()) as { error: { code: string } }).error.code).toBe("not_found");
    const post = await postTechniques();
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    const big = await listTechniques(
      request("/techniques", { headers: { "content-length": "100000" } }),
      none,
    );
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe("request_too_large");
  });
});

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind === "postgres" && !serverUrl)(`API keys on ${kind}`, () => {
    let cleanup: () => Promise<void>;
    let counter = 0;
    let userId: string;

    beforeAll(async () => {
      const scratch = await scratchDatabase(kind, "apikeys");
      setup.db = scratch.db;
      cleanup = scratch.cleanup;
    });
    afterAll(async () => cleanup?.());
    beforeEach(async () => {
      userId = `k${++counter}`;
      await setup.db.user.create({
        data: { id: userId, name: "Keyholder", email: `${userId}@example.test` },
      });
    });

    const grantPro = (until: Date | null = null) =>
      setup.db.subscription.create({
        data: {
          userId,
          plan: "pro",
          status: "active",
          source: "admin",
          currentPeriodEnd: until,
          cancelAtPeriodEnd: until !== null,
        },
      });
    const technique = (key?: string) =>
      getTechnique(request("/techniques/T1059.001", { key }), params({ id: "T1059.001" }));

    it("stores only the hash and a short prefix; the key has 256 random bits", async () => {
      const { key, dto } = await createApiKey(setup.db, userId, "ci");
      expect(key).toMatch(/^da_live_[A-Za-z0-9_-]{43}$/);
      const row = await setup.db.apiKey.findUniqueOrThrow({ where: { id: dto.id } });
      expect(JSON.stringify(row)).not.toContain(key);
      expect(key.startsWith(row.prefix)).toBe(true);
      expect(row.prefix.length).toBeLessThan(20);
    });

    it("answers 401 to a malformed, unknown or revoked key", async () => {
      const { key, dto } = await createApiKey(setup.db, userId, "ci");
      for (const bad of ["nonsense", `da_live_${"A".repeat(43)}`]) {
        const res = await technique(bad);
        expect(res.status).toBe(401);
        expect(((await conforming("/techniques/{id}", res)).error as { code: string }).code).toBe(
          "invalid_key",
        );
      }
      const basic = await getTechnique(
        request("/techniques/T1059.001", { headers: { authorization: "Basic abc" } }),
        params({ id: "T1059.001" }),
      );
      expect(basic.status).toBe(401);
      expect((await technique(key)).status).toBe(200);
      expect(await revokeApiKey(setup.db, userId, dto.id)).toBe(true);
      expect((await technique(key)).status).toBe(401);
    });

    it("gives a free user's key the public fields only, privately cached", async () => {
      const { key } = await createApiKey(setup.db, userId, "free");
      const res = await technique(key);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      const body = await conforming("/techniques/{id}", res);
      expect((body.data as { pro?: unknown }).pro).toBeUndefined();
      expect(JSON.stringify(body)).not.toMatch(CANARY);
    });

    it("gives a Pro key the Pro sections, and takes them away the moment Pro ends", async () => {
      await grantPro();
      const { key } = await createApiKey(setup.db, userId, "pro");
      const body = await conforming("/techniques/{id}", await technique(key));
      const pro = (body.data as { pro: Array<{ id: string; markdown: string }> }).pro;
      expect(pro.map((s) => s.id)).toHaveLength(5);
      expect(JSON.stringify(pro)).toMatch(CANARY);
      expect((body.meta as { pro: boolean }).pro).toBe(true);
      const detectionId = (body.data as { detections: Array<{ id: string }> }).detections[0]!.id;
      const detection = await conforming(
        "/detections/{id}",
        await getDetection(request(`/detections/${detectionId}`, { key }), params({ id: detectionId })),
      );
      expect(JSON.stringify(detection)).toMatch(CANARY);

      await setup.db.subscription.update({
        where: { userId },
        data: { status: "canceled", currentPeriodEnd: new Date(Date.now() - 1000), cancelAtPeriodEnd: false },
      });
      const after = await conforming("/techniques/{id}", await technique(key));
      expect((after.data as { pro?: unknown }).pro).toBeUndefined();
      expect(JSON.stringify(after)).not.toMatch(CANARY);
    });

    it("serves Pro packs 401 → 403 → 404: anonymous, free key, unknown pack; a zip for a Pro key", async () => {
      const get = (pack: string, key?: string) =>
        exportPack(
          new Request(`${BASE}/exports/${pack}`, key ? { headers: { authorization: `Bearer ${key}` } } : {}),
          params({ pack }),
        );
      const anonymous = await get("elastic.zip");
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe(
        "authentication_required",
      );
      expect((await get("nosuch.zip")).status).toBe(401);
      const { key } = await createApiKey(setup.db, userId, "packs");
      const free = await get("elastic.zip", key);
      expect(free.status).toBe(403);
      expect(((await free.json()) as { error: { code: string } }).error.code).toBe("pro_required");
      expect((await get("nosuch.zip", key)).status).toBe(403);
      expect((await get("elastic.zip", "da_live_bad")).status).toBe(401);
      await grantPro();
      expect((await get("nosuch.zip", key)).status).toBe(404);
      expect((await get("constructor.zip", key)).status).toBe(404);
      const zip = await get("elastic.zip", key);
      expect(zip.status).toBe(200);
      expect(zip.headers.get("content-type")).toBe("application/zip");
      expect(zip.headers.get("cache-control")).toBe("private, no-store");
      expect(new Uint8Array(await zip.arrayBuffer()).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    });

    it("starts a fresh count in the next window, and counts windows per key", async () => {
      const { key } = await createApiKey(setup.db, userId, "windows");
      const { key: other } = await createApiKey(setup.db, userId, "other");
      const limit = { max: 2, windowSeconds: 60 };
      const t0 = new Date("2026-12-06T10:00:05Z");
      const at = (s: number) => new Date(t0.getTime() + s * 1000);
      const results = [];
      for (const s of [0, 1, 2]) results.push(await checkApiKey(setup.db, key, limit, at(s)));
      expect(results.map((r) => r.ok)).toEqual([true, true, false]);
      expect(results[2]).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 53 });
      expect((await checkApiKey(setup.db, other, limit, at(3))).ok).toBe(true);
      expect((await checkApiKey(setup.db, key, limit, at(55))).ok).toBe(true);
      expect((await checkApiKey(setup.db, key, limit, at(56))).ok).toBe(true);
      expect(await checkApiKey(setup.db, key, limit, at(57))).toEqual({
        ok: false,
        reason: "rate_limited",
        retryAfterSeconds: 58,
      });
    });

    it("lets users revoke only their own keys, and caps active keys per user", async () => {
      const { dto } = await createApiKey(setup.db, userId, "mine");
      await setup.db.user.create({
        data: { id: `${userId}-x`, name: "Other", email: `${userId}-x@example.test` },
      });
      expect(await revokeApiKey(setup.db, `${userId}-x`, dto.id)).toBe(false);
      expect(await revokeApiKey(setup.db, userId, dto.id)).toBe(true);
      expect(await revokeApiKey(setup.db, userId, dto.id)).toBe(false);
      for (let i = 0; i < MAX_KEYS_PER_USER; i++) await createApiKey(setup.db, userId, `k${i}`);
      await expect(createApiKey(setup.db, userId, "one too many")).rejects.toBeInstanceOf(TooManyKeysError);
    });

    it("answers 429 with Retry-After once a key floods its window, and records last use", async () => {
      const { key, dto } = await createApiKey(setup.db, userId, "flood");
      const statuses: number[] = [];
      let limited: Response | undefined;
      for (let i = 0; i < 8; i++) {
        const res = await listTechniques(request("/techniques", { key }), none);
        statuses.push(res.status);
        if (res.status === 429) limited ??= res;
      }
      // The limit is 5 a minute; a window boundary inside the loop can only allow more, never fewer.
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses).toContain(429);
      const retryAfter = Number(limited!.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(((await conforming("/techniques", limited!)).error as { code: string }).code).toBe(
        "rate_limited",
      );
      const row = await setup.db.apiKey.findUniqueOrThrow({ where: { id: dto.id } });
      expect(row.lastUsedAt).not.toBeNull();
    });
  });
}
