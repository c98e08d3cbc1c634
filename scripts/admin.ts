// Admin commands for self-hosters (and tests): grant or revoke Pro by email.
//   npm run admin -- grant-pro user@example.com [--until 2027-01-31]
//   npm run admin -- revoke-pro user@example.com
//   npm run admin -- show user@example.com
// Uses the same database selection as the site (DATABASE_URL, else embedded PGlite in .data/).
// With the embedded database, stop the site first: PGlite allows one process at a time.
import { PrismaClient } from "@/lib/db/generated/client";
import { createAdapter } from "@/lib/db/adapter";
import { UnknownUserError, findSubscription, grantPro, revokePro } from "@/lib/billing/subscriptions";
import { grantsPro } from "@/lib/billing/entitlement-rules";

const USAGE = "usage: npm run admin -- grant-pro|revoke-pro|show <email> [--until YYYY-MM-DD]";

async function main(argv: string[]): Promise<number> {
  const [command, email, ...rest] = argv;
  if (!command || !email || !email.includes("@")) {
    console.error(USAGE);
    return 2;
  }
  const untilIndex = rest.indexOf("--until");
  const untilText = untilIndex >= 0 ? rest[untilIndex + 1] : undefined;
  const until = untilText ? new Date(`${untilText}T00:00:00Z`) : null;
  if (untilText && (!/^\d{4}-\d{2}-\d{2}$/.test(untilText) || Number.isNaN(until!.getTime()))) {
    console.error(`--until must be a date in YYYY-MM-DD form, got "${untilText}"`);
    return 2;
  }
  const db = new PrismaClient({ adapter: createAdapter() });
  try {
    if (command === "grant-pro") {
      await grantPro(db, email, until);
      console.log(`Granted Pro to ${email}${until ? ` until ${untilText}` : ""}.`);
    } else if (command === "revoke-pro") {
      await revokePro(db, email);
      console.log(`Revoked Pro from ${email}.`);
    } else if (command === "show") {
      const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
      if (!user) throw new UnknownUserError(email);
      const sub = await findSubscription(db, user.id);
      console.log(
        JSON.stringify(
          {
            email: user.email,
            verified: user.emailVerified,
            subscription: sub,
            pro: grantsPro(sub, new Date()),
          },
          null,
          2,
        ),
      );
    } else {
      console.error(USAGE);
      return 2;
    }
    return 0;
  } catch (error) {
    if (error instanceof UnknownUserError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

process.exit(await main(process.argv.slice(2)));
