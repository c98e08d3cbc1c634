import type { Metadata } from "next";
import { ForgotPasswordForm } from "./forgot-password-form.client";

export const metadata: Metadata = { title: "Reset your password", robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">Reset your password</h1>
      <ForgotPasswordForm />
    </div>
  );
}
