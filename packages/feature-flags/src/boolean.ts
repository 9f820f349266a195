const TRUE_WORDS: readonly string[] = ['true', '1', 'yes'];
const FALSE_WORDS: readonly string[] = ['false', '0', 'no'];

/** What a boolean environment value may be, for error messages: `a boolean: true | false | 1 | 0 | yes | no`. */
export const BOOLEAN_EXPECTATION = `a boolean: ${TRUE_WORDS.flatMap((word, index) => [word, FALSE_WORDS[index]]).join(' | ')}`;

/**
 * Reads a boolean written in an environment variable: `true`/`false`, `1`/`0` or `yes`/`no`, in any case and with
 * surrounding spaces ignored.
 *
 * @returns the boolean, or `undefined` when the text is none of those words.
 */
export function parseBoolean(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  return undefined;
}
