// Twenty sign-ups for one address at once make one user: the unique email holds under a race,
// and the losers get an answer (the same as an existing address, or a rate limit), not a 500.
import { expect, test } from "@playwright/test";
import { PASSWORD, SITE, query, uniqueEmail } from "./support";

test("20 concurrent sign-ups with one email make one user", async ({ request }) => {
  const email = uniqueEmail("race");
  const responses = await Promise.all(
    Array.from({ length: 20 }, () =>
      request.post("/api/auth/sign-up/email", {
        headers: { origin: SITE },
        data: { email, password: PASSWORD, name: "Racer" },
      }),
    ),
  );
  const statuses = responses.map((r) => r.status());
  expect(
    statuses.filter((s) => s >= 500),
    `statuses: ${statuses.join(" ")}`,
  ).toEqual([]);
  expect(statuses).toContain(200);
  const users = await query<{ n: string }>(`SELECT count(*) AS n FROM "user" WHERE email = $1`, [email]);
  expect(Number(users[0]?.n)).toBe(1);
});
