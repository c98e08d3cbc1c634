"use client";

import { Alert, Button } from "@/components/form";

export default function AccountError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Your account</h1>
      <Alert tone="error">We could not load your account just now. Nothing was changed.</Alert>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
