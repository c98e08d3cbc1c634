"use client";

import { useState } from "react";
import { Alert, Button, Field } from "@/components/form";
import { authClient } from "@/lib/auth/client";
import { authErrorMessage } from "@/lib/auth/messages";

export function ForgotPasswordForm() {
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (done)
    return (
      <Alert tone="success">
        If an account uses that address, we have sent it a link to reset the password.
      </Alert>
    );
  return (
    <form
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const email = String(new FormData(e.currentTarget).get("email"));
        const { error } = await authClient.requestPasswordReset({ email, redirectTo: "/reset-password" });
        // Same answer whether or not the account exists; only throttling is reported.
        if (error?.status === 429) setError(authErrorMessage(error));
        else setDone(true);
      }}
    >
      {error && <Alert tone="error">{error}</Alert>}
      <Field label="Email" id="email" type="email" autoComplete="email" required />
      <Button type="submit">Send reset link</Button>
    </form>
  );
}
