"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Alert, Button, Field } from "@/components/form";
import { authClient } from "@/lib/auth/client";
import { authErrorMessage } from "@/lib/auth/messages";

const card = "rounded-lg border border-slate-200 p-4 dark:border-slate-800";

export function AccountActions() {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const leave = () => {
    router.push("/");
    router.refresh();
  };

  return (
    <div className="space-y-8">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <section aria-labelledby="password-title" className={card}>
        <h2 id="password-title" className="mb-3 font-semibold">
          Change password
        </h2>
        <form
          className="space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const { error } = await authClient.changePassword({
              currentPassword: String(form.get("current-password")),
              newPassword: String(form.get("new-password")),
              revokeOtherSessions: true,
            });
            setMessage(
              error
                ? { tone: "error", text: authErrorMessage(error) }
                : { tone: "success", text: "Password changed. Your other sessions are signed out." },
            );
            if (!error) e.currentTarget.reset();
          }}
        >
          <Field
            label="Current password"
            id="current-password"
            type="password"
            autoComplete="current-password"
            required
          />
          <Field
            label="New password (10 characters or more)"
            id="new-password"
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
          />
          <Button type="submit">Change password</Button>
        </form>
      </section>

      <section aria-labelledby="signout-title" className={card}>
        <h2 id="signout-title" className="mb-3 font-semibold">
          Sign out
        </h2>
        <div className="flex flex-wrap gap-3">
          <Button
            variant="secondary"
            onClick={async () => {
              await authClient.signOut();
              leave();
            }}
          >
            Sign out
          </Button>
          <Button
            variant="secondary"
            onClick={async () => {
              await authClient.revokeSessions();
              await authClient.signOut();
              leave();
            }}
          >
            Sign out everywhere
          </Button>
        </div>
      </section>

      <section aria-labelledby="delete-title" className={card}>
        <h2 id="delete-title" className="mb-1 font-semibold">
          Delete account
        </h2>
        <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
          Removes your account, sessions and subscription record for good. Cancel a paid subscription first.
        </p>
        <form
          className="space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            const password = String(new FormData(e.currentTarget).get("delete-password"));
            const { error } = await authClient.deleteUser({ password });
            if (error) return setMessage({ tone: "error", text: authErrorMessage(error) });
            leave();
          }}
        >
          <Field
            label="Confirm with your password"
            id="delete-password"
            type="password"
            autoComplete="current-password"
            required
          />
          <Button type="submit" variant="danger">
            Delete my account
          </Button>
        </form>
      </section>
    </div>
  );
}
