"use client";

import { Button } from "@/components/form";
import { authClient } from "@/lib/auth/client";

export function SocialButton({ provider, label }: { provider: string; label: string }) {
  return (
    <Button
      variant="secondary"
      className="w-full"
      onClick={() => authClient.signIn.social({ provider, callbackURL: "/account" })}
    >
      {label}
    </Button>
  );
}
