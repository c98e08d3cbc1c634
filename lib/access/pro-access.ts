// The proof type that Pro content readers demand. Only lib/access mints one, after the check.
declare const proAccessBrand: unique symbol;
export type ProAccess = { readonly [proAccessBrand]: true; readonly userId: string };

/** Only lib/access/caller.ts and lib/access/api-caller.ts call this, right after the entitlement check. */
export function mintProAccess(userId: string): ProAccess {
  return { userId } as ProAccess;
}
