// Maps better-auth client errors to messages that never reveal whether an account exists.
export function authErrorMessage(
  error: { status?: number; code?: string; message?: string } | null | undefined,
): string {
  if (!error) return "Something went wrong. Try again.";
  if (error.status === 429) return "Too many attempts. Wait a minute, then try again.";
  if (error.code === "EMAIL_NOT_VERIFIED")
    return "Verify your email address first: we have sent you a new link.";
  if (error.code === "INVALID_EMAIL_OR_PASSWORD" || error.status === 401) return "Wrong email or password.";
  if (error.code === "PASSWORD_TOO_SHORT") return "Use at least 10 characters for your password.";
  if (error.code === "INVALID_PASSWORD") return "That password is not correct.";
  if (error.code === "INVALID_TOKEN") return "This link has expired or was already used. Ask for a new one.";
  return error.message || "Something went wrong. Try again.";
}
