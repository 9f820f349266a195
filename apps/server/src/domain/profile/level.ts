import type { StudyLevel } from './types.js';
import { findAll, phrases } from './words.js';

/** Awards and words that name a level (lower case; phrases before the single words they contain). */
const LEVEL_WORDS: readonly (readonly [string, StudyLevel])[] = [
  ['bsc|ba|beng|llb|mbbs|mbchb|bds|bvsc|barch|bba|bcom|btech|bca|bmus|bed|bn|bnurs|bpharm', 'undergraduate'],
  ['meng|msci|mpharm|mchem|mphys|mmath|integrated masters|integrated master', 'undergraduate'],
  ['bachelor|bachelors|undergraduate|undergrad|ug|first degree|degree course|top up degree|top up', 'undergraduate'],
  ['msc|ma|mba|llm|pgce|pgcert|pgdip|mph|med|mfa|march|mtech|mca|mcom|ms|mst|mlitt|mmus', 'postgraduate_taught'],
  [
    'master|masters|postgraduate|postgrad|pg|taught masters|taught master|pg diploma|pg certificate|postgraduate diploma|postgraduate certificate',
    'postgraduate_taught',
  ],
  [
    'phd|dphil|mphil|mres|edd|dba|doctorate|doctoral|doctor of philosophy|research degree|research masters|research master',
    'postgraduate_research',
  ],
  [
    'masters by research|master by research|masters of research|master of research|postgraduate research|pgr|by research',
    'postgraduate_research',
  ],
];

const TABLE: readonly (readonly [readonly string[], StudyLevel])[] = LEVEL_WORDS.flatMap(([list, level]) =>
  phrases(list).map((words) => [words, level] as const),
);

/** Words before an award that make it a degree already held ("after my BSc", "I have a BTech"). */
const HELD_BEFORE: ReadonlySet<string> = new Set([
  'after',
  'completed',
  'complete',
  'completing',
  'did',
  'done',
  'finished',
  'finishing',
  'have',
  'has',
  'had',
  'hold',
  'holding',
  'graduated',
  'got',
  'passed',
  'having',
  'with',
  'since',
  'current',
  'currently',
  'doing',
]);
const FILLERS: ReadonlySet<string> = new Set(['a', 'an', 'my', 'the', 'in', 'of', 'i', 'am', 'im', 'from', 'already']);

/** Awards that are also ordinary words ("ma", "march", "med"): they count only typed with two capitals ("MA", "MArch"). */
const CAPITALS_NEEDED: ReadonlySet<string> = new Set(['march', 'ma', 'med', 'bn', 'bed', 'mst', 'dba', 'edd']);

function capitals(word: string): number {
  return (word.match(/[A-Z]/gu) ?? []).length;
}

/** "Ms" (the title) is not "MS"/"ms" (the American master's). */
function notAnAward(raw: string): boolean {
  const word = raw.toLowerCase();
  if (CAPITALS_NEEDED.has(word)) return capitals(raw) < 2;
  return word === 'ms' && raw === 'Ms';
}

/** Words that end the look-back for a "held" cue ("completed BSc, now PhD"). */
const CLAUSE_STARTS: ReadonlySet<string> = new Set([
  'now',
  'want',
  'wants',
  'then',
  'and',
  'but',
  'so',
  'to',
  'plan',
  'planning',
  'looking',
  'for',
]);

function held(tokens: readonly string[], index: number): boolean {
  for (let i = index - 1, seen = 0; i >= 0 && seen < 3; i -= 1) {
    const word = tokens[i];
    if (CLAUSE_STARTS.has(word)) return false;
    if (HELD_BEFORE.has(word)) return true;
    if (!FILLERS.has(word)) seen += 1;
  }
  return false;
}

/**
 * The level the student asks to study, from awards (BSc, MSc, PhD…) and words ("masters", "doctorate"). A degree
 * already held ("MSc after my BSc") does not count. Undergraduate and postgraduate together are ambiguous (`null`);
 * taught and research together mean research ("MRes then PhD").
 */
export function readLevel(raw: readonly string[]): StudyLevel | null {
  const tokens = raw.map((token) => token.toLowerCase());
  const levels = new Set<StudyLevel>();
  for (const [index, length, level] of findAll(tokens, TABLE)) {
    if (length === 1 && notAnAward(raw[index])) continue;
    if (held(tokens, index)) continue;
    levels.add(level);
  }
  if (levels.has('undergraduate')) return levels.size === 1 ? 'undergraduate' : null;
  if (levels.has('postgraduate_research')) return 'postgraduate_research';
  return levels.has('postgraduate_taught') ? 'postgraduate_taught' : null;
}
