"use client";

import { useState } from "react";
import Link from "next/link";
import { Alert, Button, Field } from "@/components/form";
import { authClient } from "@/lib/auth/client";
import { authErrorMessage } from "@/lib/auth/messages";

export function SignUpForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  if (sentTo)
    return (
      <Alert tone="success">
        Check your inbox: if {sentTo} can be used for a new account, we have sent it a link to verify the
        address.
      </Alert>
    );

  return (
    <form
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setPending(true);
        setError(null);
        const email = String(form.get("email"));
        const { error } = await authClient.signUp.email({
          name: String(form.get("name")),
          email,
          password: String(form.get("password")),
          callbackURL: "/sign-in?verified=1",
        });
        setPending(false);
        if (error) setError(authErrorMessage(error));
        else setSentTo(email);
      }}
    >
      {error && <Alert tone="error">{error}</Alert>}
      <Field label="Name" id="name" autoComplete="name" required />
      <Field label="Email" id="email" type="email" autoComplete="email" required />
      <Field
        label="Password (10 characters or more)"
        id="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
      <p className="text-sm">
        Already have an account?{" "}
        <Link className="underline" href="/sign-in">
          Sign in
        </Link>
      </p>
    </form>
  );
}
