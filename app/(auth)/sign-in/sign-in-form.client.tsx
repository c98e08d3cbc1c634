"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Alert, Button, Field } from "@/components/form";
import { authClient } from "@/lib/auth/client";
import { authErrorMessage } from "@/lib/auth/messages";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

export function SignInForm({ next, verified }: { next?: string; verified?: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setPending(true);
        setError(null);
        const { error } = await authClient.signIn.email({
          email: String(form.get("email")),
          password: String(form.get("password")),
        });
        setPending(false);
        if (error) return setError(authErrorMessage(error));
        // `next` comes from the address bar: only a path on this site is followed.
        router.push(safeRedirectPath(next, "/account"));
        router.refresh();
      }}
    >
      {verified && <Alert tone="success">Your email address is verified. Sign in to continue.</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      <Field label="Email" id="email" type="email" autoComplete="email" required />
      <Field label="Password" id="password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="flex justify-between text-sm">
        <Link className="underline" href="/forgot-password">
          Forgot your password?
        </Link>
        <Link className="underline" href="/sign-up">
          Create an account
        </Link>
      </p>
    </form>
  );
}
