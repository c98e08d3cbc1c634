"use client";

import { useState } from "react";
import Link from "next/link";
import { Alert, Button, Field } from "@/components/form";
import { authClient } from "@/lib/auth/client";
import { authErrorMessage } from "@/lib/auth/messages";

export function ResetPasswordForm({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (done)
    return (
      <Alert tone="success">
        Your password is changed and your other sessions are signed out.{" "}
        <Link className="underline" href="/sign-in">
          Sign in
        </Link>
        .
      </Alert>
    );
  return (
    <form
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const newPassword = String(new FormData(e.currentTarget).get("password"));
        const { error } = await authClient.resetPassword({ newPassword, token });
        if (error) setError(authErrorMessage(error));
        else setDone(true);
      }}
    >
      {error && <Alert tone="error">{error}</Alert>}
      <Field
        label="New password (10 characters or more)"
        id="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
      />
      <Button type="submit">Set new password</Button>
    </form>
  );
}
