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
 * Sends `mail` on a later turn of the event loop: the outbox writes synchronously, and an
 * `async` callback runs up to its first `await` inside the request.
 */
export async function sendMailLater(mail: Mail): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await sendMail(mail);
}
