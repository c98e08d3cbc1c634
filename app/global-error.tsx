"use client";
// Last resort when the root layout itself fails: it replaces the whole document, so it brings
// its own <html> and <body> and no site components that could fail the same way.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ font: "16px/1.5 system-ui, sans-serif", maxWidth: "40rem", margin: "4rem auto" }}>
        <h1>Detection Atlas could not load this page</h1>
        <p>Something on our side failed. Nothing was changed. Try again in a moment.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
