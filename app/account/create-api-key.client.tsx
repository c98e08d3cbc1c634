"use client";

import { useActionState } from "react";
import { Alert, Button, Field } from "@/components/form";
import { CopyButton } from "@/components/copy-button.client";
import { createApiKeyAction, type CreateKeyState } from "./api-key-actions";

/** The new key is shown here once; only its hash is kept on the server. */
export function CreateApiKey() {
  const [state, action, pending] = useActionState<CreateKeyState, FormData>(createApiKeyAction, null);
  return (
    <div className="space-y-3">
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.key && (
        <Alert tone="success">
          <p>Key “{state.name}” created. Copy it now: it is not shown again.</p>
          <p className="mt-2 flex flex-wrap items-center gap-2">
            <code data-testid="new-api-key" className="break-all">
              {state.key}
            </code>
            <CopyButton text={state.key} />
          </p>
        </Alert>
      )}
      <form action={action} className="flex flex-wrap items-end gap-3">
        <div className="min-w-60 flex-1">
          <Field
            label="Key name"
            id="api-key-name"
            maxLength={60}
            required
            placeholder="e.g. detections CI"
          />
        </div>
        <Button type="submit" disabled={pending}>
          Create API key
        </Button>
      </form>
    </div>
  );
}
