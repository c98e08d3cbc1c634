// What the fault specs share: the database relay's switch, row counts read straight from the
// test PostgreSQL, API sign-in, and "is the server still answering?" while a request runs.
import http from "node:http";
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import pg from "pg";
import { FAULTS_CONTROL_PORT, FAULTS_PORT } from "../../playwright.faults.config";

export const SITE = `http://127.0.0.1:${FAULTS_PORT}`;
export const PASSWORD = "correct horse battery";
/** A technique with Pro sections and a detection page (content/techniques/T1059.001). */
export const TECHNIQUE = "T1059.001";
export const DETECTION_PAGE = `/techniques/${TECHNIQUE}/elastic`;

async function relay(action: "cut" | "restore"): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${FAULTS_CONTROL_PORT}/${action}`, { method: "POST" });
  expect(response.status, `relay ${action}`).toBe(200);
}
export const cutDatabase = () => relay("cut");
export const restoreDatabase = () => relay("restore");

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("the fault suite needs DATABASE_URL (scripts/test.sh sets it)");
  return url;
}

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

// rate_limit is left out on purpose: counting refused attempts is its job.
const TABLES = ["user", "session", "account", "verification", "subscription", "billing_event"];

export async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
    counts[table] = Number(row?.n);
  }
  return counts;
}

export function uniqueEmail(tag: string) {
  return `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/** Sign-up through the API, the address marked verified in the database, then sign-in. */
export async function signedInUser(request: APIRequestContext, tag: string): Promise<string> {
  const email = uniqueEmail(tag);
  const headers = { origin: SITE };
  const signUp = await request.post("/api/auth/sign-up/email", {
    headers,
    data: { email, password: PASSWORD, name: "Fault tester" },
  });
  expect(signUp.status(), await signUp.text()).toBe(200);
  await query(`UPDATE "user" SET "emailVerified" = true WHERE email = $1`, [email]);
  const signIn = await request.post("/api/auth/sign-in/email", {
    headers,
    data: { email, password: PASSWORD },
  });
  expect(signIn.status(), await signIn.text()).toBe(200);
  return email;
}

export const SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "x-frame-options"];

export function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  for (const name of SECURITY_HEADERS)
    expect(headers[name], `${name} on ${response.status()} ${response.url()}`).toBeTruthy();
}

/** A 4xx whose body says what was wrong (JSON `error` or a text/HTML sentence). */
export async function expectClearRefusal(response: APIResponse, status?: number) {
  const where = `${response.status()} ${response.url()}`;
  if (status !== undefined) expect(response.status(), where).toBe(status);
  expect(response.status(), where).toBeGreaterThanOrEqual(400);
  expect(response.status(), where).toBeLessThan(500);
  const body = await response.text();
  const message = response.headers()["content-type"]?.includes("json")
    ? String((JSON.parse(body) as { error?: unknown }).error ?? "")
    : body;
  expect(message.trim().length, `a message in ${where}`).toBeGreaterThan(10);
  expectSecurityHeaders(response);
}

/**
 * Sends a hostile POST, and once its body has left (plus a moment for the server to start on it)
 * asks /api/health with a one-second timeout: a frozen event loop fails the health call, which
 * is a timeout on that call, not a stopwatch on the hostile one. Returns the hostile answer.
 */
export async function healthyWhile(
  request: APIRequestContext,
  path: string,
  headers: Record<string, string>,
  body: string,
) {
  const hostile = startPost(path, headers, body);
  await hostile.sent;
  await new Promise((resolve) => setTimeout(resolve, 200));
  const health = await request.get("/api/health", { timeout: 1000 });
  expect(health.status(), "health while the hostile request runs").toBe(200);
  return hostile.answer;
}

/** A POST whose body is sent chunked, with no Content-Length to refuse it by. */
export function postChunked(
  path: string,
  headers: Record<string, string>,
  totalBytes: number,
  fill = "a",
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${SITE}${path}`, { method: "POST", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    // The server may answer and close before the whole body is sent: that is the point.
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, fill);
    let sent = 0;
    const pump = () => {
      while (sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

type Answer = { status: number; body: string; headers: http.IncomingHttpHeaders };

/** A POST sent with Node's http, so the test knows when its body has left for the server. */
export function startPost(
  path: string,
  headers: Record<string, string>,
  body: string,
): { sent: Promise<void>; answer: Promise<Answer> } {
  let markSent!: () => void;
  const sent = new Promise<void>((resolve) => (markSent = resolve));
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = http.request(`${SITE}${path}`, { method: "POST", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on("error", reject);
    req.on("finish", markSent);
    req.end(body);
  });
  return { sent, answer };
}
