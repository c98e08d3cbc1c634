// The account page's API keys section: Pro users create, see and revoke their keys.
import Link from "next/link";
import { Button } from "@/components/form";
import { keysOf } from "@/lib/access/api-key-store";
import type { ProGate } from "@/lib/access/caller";
import { revokeApiKeyAction } from "./api-key-actions";
import { CreateApiKey } from "./create-api-key.client";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "never");

export async function ApiKeys({ gate }: { gate: Exclude<ProGate, { state: "anonymous" }> }) {
  const keys = await keysOf(gate.viewer.userId);
  return (
    <section
      aria-labelledby="api-keys-title"
      className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id="api-keys-title" className="mb-3 font-semibold">
        API keys
      </h2>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        Send a key as <code>Authorization: Bearer &lt;key&gt;</code> to the{" "}
        <Link href="/docs/api" className="underline">
          JSON API
        </Link>{" "}
        and the platform packs. Keys return Pro sections while your Pro subscription is active.
      </p>
      {keys.length > 0 && (
        <ul className="mb-4 space-y-2 text-sm" data-testid="api-keys">
          {keys.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center justify-between gap-2">
              <span>
                <strong>{k.name}</strong> <code>{k.prefix}…</code>
              </span>
              <span className="text-slate-600 dark:text-slate-400">
                created {day(k.createdAt)} · last used {day(k.lastUsedAt)}
              </span>
              <form action={revokeApiKeyAction}>
                <input type="hidden" name="id" value={k.id} />
                <Button type="submit" variant="danger">
                  Revoke
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {gate.state === "pro" ? (
        <CreateApiKey />
      ) : (
        <p className="text-sm">
          API keys come with{" "}
          <Link href="/pricing" className="underline">
            Pro
          </Link>
          .
        </p>
      )}
    </section>
  );
}
