import type { Metadata } from "next";
import { SignInForm } from "./sign-in-form.client";
import { SocialButtons } from "../social-buttons";

export const metadata: Metadata = {
  title: "Sign in",
  alternates: { canonical: "/sign-in" },
  robots: { index: false },
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; verified?: string }>;
}) {
  const { next, verified } = await searchParams;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">Sign in</h1>
      <SignInForm next={next} verified={verified === "1"} />
      <SocialButtons />
    </div>
  );
}
