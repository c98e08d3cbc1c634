// Work an auth answer must not wait for. Mail to an existing account (reset link, "someone tried
// to sign up with your address") happens only for known addresses, so if the answer waited for
// SMTP or the outbox write, its timing would tell who has an account. better-auth hands such
// promises to `advanced.backgroundTasks.handler`, which is `runInBackground`.
import "server-only";
import { sendMail, type Mail } from "@/lib/mail/mailer";

const pending = new Set<Promise<void>>();

/** Lets `task` finish after the response; failures are logged with their cause, never lost. */
export function runInBackground(task: Promise<unknown>): void {
  const tracked: Promise<void> = task
    .then(() => undefined)
    .catch((error: unknown) => console.error("auth: background task failed", error))
    .finally(() => pending.delete(tracked));
  pending.add(tracked);
}

/** Resolves once every background task has finished (shutdown, and tests reading the outbox). */
export async function backgroundTasksSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}

/**
 * Starts `work` on a later turn of the event loop, once the answer has been handed back: an
 * `async` function runs up to its first `await` at once, and a query started at once would hold
 * the database connection the answer still needs.
 */
export async function later<T>(work: () => Promise<T>): Promise<T> {
  await new Promise((resolve) => setImmediate(resolve));
  return work();
}

/** Mail for better-auth's callbacks (the outbox writes synchronously). */
export function sendMailLater(mail: Mail): Promise<void> {
  return later(() => sendMail(mail));
}
