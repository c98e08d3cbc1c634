"use client";

import { useState } from "react";

/**
 * Copies `text`, or without it the code block the button sits in: the `<pre>` of its `<figure>`,
 * which the server rendered from the same string. Reading the block back keeps a long query out of
 * the page's RSC payload, where a prop would send it a second time.
 */
export function CopyButton({ text, label = "Copy" }: { text?: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <button
      type="button"
      onClick={async (event) => {
        try {
          const source = text ?? event.currentTarget.closest("figure")?.querySelector("pre")?.textContent;
          if (source == null) throw new Error("no code block beside the copy button");
          await navigator.clipboard.writeText(source.trimEnd());
          setState("copied");
        } catch {
          setState("failed");
        }
        setTimeout(() => setState("idle"), 2000);
      }}
      className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      <span aria-live="polite">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}
      </span>
    </button>
  );
}
