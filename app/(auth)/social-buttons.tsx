import { enabledSocialProviders } from "@/lib/auth/auth";
import { SocialButton } from "./social-button.client";

const LABELS: Record<string, string> = { github: "Continue with GitHub", google: "Continue with Google" };

/** Shown only for providers whose keys are configured. */
export function SocialButtons() {
  if (enabledSocialProviders.length === 0) return null;
  return (
    <div className="mt-6 space-y-2 border-t border-slate-200 pt-6 dark:border-slate-800">
      {enabledSocialProviders.map((p) => (
        <SocialButton key={p} provider={p} label={LABELS[p] ?? p} />
      ))}
    </div>
  );
}
