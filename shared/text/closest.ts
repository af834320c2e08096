/**
 * Edit distance with adjacent transpositions (optimal string alignment, a restricted
 * Damerau-Levenshtein): `sumbit` → `submit` is 1, `tempalte` → `template` is 1.
 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  // d[i][j]: distance between the first i characters of x and the first j of y.
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[x.length]![y.length]!;
}

/**
 * The word of `words` that `typed` most likely meant, or null: the one word it is a prefix of
 * (`sub` → `submit`), else the single nearest word within `maxDistance` edits (and fewer edits than
 * `typed` has characters, so a short word does not match everything). Case is ignored; a tie is no
 * suggestion.
 */
export function closestWord(typed: string, words: readonly string[], maxDistance = 2): string | null {
  const t = typed.toLowerCase();
  if (t === "") return null;
  const prefixed = words.filter((w) => w.toLowerCase().startsWith(t));
  if (prefixed.length === 1) return prefixed[0]!;
  let best: string | null = null;
  let bestDistance = Infinity;
  let tie = false;
  for (const w of words) {
    const dist = editDistance(t, w.toLowerCase());
    if (dist < bestDistance) {
      best = w;
      bestDistance = dist;
      tie = false;
    } else if (dist === bestDistance) tie = true;
  }
  return best !== null && !tie && bestDistance <= maxDistance && bestDistance < [...t].length ? best : null;
}
