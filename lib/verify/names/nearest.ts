// The closest known names to an unknown one, so a finding can say what was probably meant.

/** Levenshtein distance, case-insensitive (vendors differ only in case more often than not). */
export function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (s[i - 1] === t[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[t.length] ?? 0;
}

/** The `count` known names closest to `name`, nearest first (ties alphabetically). */
export function nearest(name: string, known: Iterable<string>, count = 3): string[] {
  const scored: Array<[string, number]> = [];
  for (const k of known) scored.push([k, distance(name, k)]);
  scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  return scored.slice(0, count).map(([k]) => k);
}
