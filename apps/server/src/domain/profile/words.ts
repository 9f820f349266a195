/** The student's words as typed, letters and digits apart ("MSc", "2027"; "master's" → "masters", "I'm" → "Im"). */
export function rawTokens(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/['’‘`]/gu, '')
      .match(/[a-zA-Z]+|\d+/gu) ?? []
  );
}

/** The student's words as lower-case tokens (see `rawTokens`). */
export function profileTokens(text: string): string[] {
  return rawTokens(text).map((token) => token.toLowerCase());
}

/** Every match of any of `phrases` (longest first at each position), as `[index, length, value]`. */
export function findAll<T>(
  tokens: readonly string[],
  phrases: readonly (readonly [readonly string[], T])[],
): [number, number, T][] {
  const sorted = [...phrases].sort((a, b) => b[0].length - a[0].length);
  const found: [number, number, T][] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const hit = sorted.find(([words]) => words.every((word, k) => tokens[i + k] === word));
    if (hit) {
      found.push([i, hit[0].length, hit[1]]);
      i += hit[0].length - 1;
    }
  }
  return found;
}

/** `"sri lanka|srilanka"` → `[["sri","lanka"],["srilanka"]]`. */
export function phrases(list: string): string[][] {
  return list.split('|').map((phrase) => profileTokens(phrase));
}
