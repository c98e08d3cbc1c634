// Techniques whose content moved to a more specific ATT&CK id after review. Their old pages were
// public, so the proxy redirects the old id (and every page under it) to the new one.
const MOVED: Readonly<Record<string, string>> = {
  // Review 2026-12-06: every detection covers remote desktop and RMM software, which ATT&CK 18.1
  // files under Remote Desktop Software, not the parent Remote Access Tools.
  T1219: "T1219.002",
};

/** The id a canonical technique id's content now lives under, or the id itself. */
export function currentTechniqueId(id: string): string {
  return Object.hasOwn(MOVED, id) ? MOVED[id]! : id;
}

export const MOVED_TECHNIQUE_IDS = Object.keys(MOVED);
