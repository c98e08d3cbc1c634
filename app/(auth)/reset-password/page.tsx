import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/form";
import { ResetPasswordForm } from "./reset-password-form.client";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; error?: string }>;
}) {
  const { token, error } = await searchParams;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">Choose a new password</h1>
      {token && !error ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Alert tone="error">
          This reset link has expired or was already used.{" "}
          <Link className="underline" href="/forgot-password">
            Ask for a new one
          </Link>
          .
        </Alert>
      )}
    </div>
  );
}
