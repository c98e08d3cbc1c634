// better-auth's browser client, for the sign-in, sign-up and account forms.
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient();
