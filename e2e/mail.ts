// Reads the local outbox the site writes when no SMTP server is configured.
import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";

export const OUTBOX_DIR = path.resolve(process.env.OUTBOX_DIR ?? "test-results/outbox");

type Mail = { to: string; subject: string; text: string };

/** Waits for the newest mail to `to` whose subject matches, and returns the first link in it. */
export async function linkFromMail(to: string, subject: RegExp, outbox = OUTBOX_DIR): Promise<string> {
  let found: Mail | undefined;
  await expect
    .poll(
      () => {
        if (!fs.existsSync(outbox)) return false;
        const mails = fs
          .readdirSync(outbox)
          .sort()
          .map((f) => JSON.parse(fs.readFileSync(path.join(outbox, f), "utf8")) as Mail)
          .filter((m) => m.to === to && subject.test(m.subject));
        found = mails.at(-1);
        return Boolean(found);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  const link = /https?:\/\/\S+/.exec(found!.text)?.[0];
  if (!link) throw new Error(`no link in mail "${found!.subject}"`);
  return link;
}
