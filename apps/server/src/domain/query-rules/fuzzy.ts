/** Shortest typed word that may be read as a misspelling of a catalogue word. */
const MIN_TYPED_LENGTH = 6;
/** Shortest catalogue word that a misspelling may stand for. */
const MIN_CATALOGUE_LENGTH = 5;
/** From this length on, two edits are forgiven instead of one. */
const TWO_EDITS_FROM = 9;

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost 1. */
export function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, beforePrevious[j - 2] + 1);
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * How many edits turn the typed word into the catalogue word, or `undefined` when they are too far apart to be a
 * misspelling. Short words are never guessed at, and the first letter must agree ("nursin" → "nursing",
 * "psycology" → "psychology").
 */
export function misspellingDistance(typed: string, catalogue: string): number | undefined {
  if (typed.length < MIN_TYPED_LENGTH || catalogue.length < MIN_CATALOGUE_LENGTH || typed[0] !== catalogue[0])
    return undefined;
  const allowed = typed.length >= TWO_EDITS_FROM ? 2 : 1;
  if (Math.abs(typed.length - catalogue.length) > allowed) return undefined;
  const distance = editDistance(typed, catalogue);
  return distance <= allowed ? distance : undefined;
}
