// Technique ids: the canonical form is upper-case with a dot (T1021.007).
export const TECHNIQUE_ID_PATTERN = /^T\d{4}(\.\d{3})?$/;

/**
 * Recognises the spellings people paste (t1021.007, T1021-007, t1021_007, T1021/007)
 * and returns the canonical id, or null when the input is not a technique id at all.
 */
export function canonicalTechniqueId(input: string): string | null {
  if (input.length > 16) return null;
  const match = /^[tT](\d{4})(?:[.\-_/](\d{3}))?$/.exec(input);
  if (!match) return null;
  return match[2] ? `T${match[1]}.${match[2]}` : `T${match[1]}`;
}
