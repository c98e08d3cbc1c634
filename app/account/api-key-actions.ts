"use server";
// Create and revoke API keys. Next checks each server action's Origin against the Host, so these
// cannot be triggered cross-site; the input is validated here and the entitlement re-checked.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { checkProAccess } from "@/lib/access/caller";
import { createKeyFor, revokeKeyOf } from "@/lib/access/api-key-store";
import { TooManyKeysError } from "@/lib/access/api-keys";

export type CreateKeyState = { error?: string; key?: string; name?: string } | null;

const createSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the key a name, such as the pipeline that will use it.")
    .max(60, "Keep the name to 60 characters."),
});
const revokeSchema = z.object({ id: z.uuid() });

export async function createApiKeyAction(_prev: CreateKeyState, formData: FormData): Promise<CreateKeyState> {
  const parsed = createSchema.safeParse({ name: formData.get("api-key-name") });
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const gate = await checkProAccess();
  if (gate.state !== "pro") return { error: "API keys are part of Pro." };
  try {
    const { key } = await createKeyFor(gate.viewer.userId, parsed.data.name);
    revalidatePath("/account");
    return { key, name: parsed.data.name };
  } catch (error) {
    if (error instanceof TooManyKeysError) return { error: error.message };
    throw error;
  }
}

export async function revokeApiKeyAction(formData: FormData): Promise<void> {
  const parsed = revokeSchema.safeParse({ id: formData.get("id") });
  if (!parsed.success) return;
  const gate = await checkProAccess();
  // Revoking stays possible after Pro ends: a user must always be able to kill a leaked key.
  if (gate.state === "anonymous") return;
  await revokeKeyOf(gate.viewer.userId, parsed.data.id);
  revalidatePath("/account");
}
