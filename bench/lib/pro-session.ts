// A signed-in Pro user for the benchmark, made the way an operator would: sign up through the auth
// API, mark the address verified (the benchmark reads no mail), sign in, then `npm run admin --
// grant-pro`. Returns the Cookie header of the session.
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

const REPO = path.resolve(import.meta.dirname, "../..");
const PASSWORD = "bench-password-1234";

async function post(origin: string, pathname: string, body: object): Promise<Response> {
  const response = await fetch(`${origin}${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status} ${await response.text()}`);
  return response;
}

export async function proSessionCookie(origin: string, databaseUrl: string): Promise<string> {
  const email = `bench-${Date.now()}@example.test`;
  await post(origin, "/api/auth/sign-up/email", { name: "Bench", email, password: PASSWORD });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`UPDATE "user" SET "emailVerified" = true WHERE email = $1`, [email]);
  } finally {
    await db.end();
  }
  const signIn = await post(origin, "/api/auth/sign-in/email", { email, password: PASSWORD });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => c.includes("session_"))
    .join("; ");
  if (!cookie) throw new Error("sign-in set no session cookie");
  execFileSync("npm", ["run", "--silent", "admin", "--", "grant-pro", email], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "pipe",
  });
  return cookie;
}
