// Outgoing mail: SMTP when SMTP_URL is set, otherwise a local outbox of JSON files that
// developers (and the e2e tests) read to follow verification and reset links.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string };

let transport: Transporter | undefined;

export async function sendMail(mail: Mail): Promise<void> {
  if (env.SMTP_URL) {
    transport ??= nodemailer.createTransport(env.SMTP_URL);
    await transport.sendMail({ from: env.MAIL_FROM, ...mail });
    return;
  }
  const dir = path.resolve(/*turbopackIgnore: true*/ env.OUTBOX_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${crypto.randomBytes(4).toString("hex")}.json`;
  fs.writeFileSync(
    path.join(dir, name),
    JSON.stringify({ from: env.MAIL_FROM, ...mail, sentAt: new Date() }, null, 2),
  );
}
