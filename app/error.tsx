"use client";
// Any page whose render fails (the database stopping mid-request, say) shows this inside the
// site's layout instead of a bare error; the cause is logged on the server, never shown here.
import Link from "next/link";
import { Alert, Button } from "@/components/form";

export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">This page could not load just now</h1>
      <Alert tone="error">
        Something on our side failed while preparing it, often a brief database outage. Nothing was changed.
      </Alert>
      <div className="flex items-center gap-4">
        <Button onClick={reset}>Try again</Button>
        <Link href="/" className="text-sm underline underline-offset-2">
          Go to the home page
        </Link>
      </div>
    </div>
  );
}
