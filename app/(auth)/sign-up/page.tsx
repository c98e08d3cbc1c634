import type { Metadata } from "next";
import { SignUpForm } from "./sign-up-form.client";
import { SocialButtons } from "../social-buttons";

export const metadata: Metadata = {
  title: "Create an account",
  alternates: { canonical: "/sign-up" },
  robots: { index: false },
};

export default function SignUpPage() {
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">Create an account</h1>
      <SignUpForm />
      <SocialButtons />
    </div>
  );
}
