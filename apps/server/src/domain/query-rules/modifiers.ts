import { CLAUSE_WORDS, IDENTITY_BEFORE, NEGATIONS, ORIGIN_VERBS, PAST_VERBS } from './cues.js';
import { FILLER_PHRASES } from './filler.js';
import { isWordLike } from './non-subject.js';
import type { Token } from './text.js';

/** Most words a narrower subject adds in front of a known one ("Quantum Computing", "Civil Law"). */
const MAX_MODIFIERS = 2;

/** Words that may stand right before a subject without narrowing it: "nursing jobs", "job prospects", "NHS nursing". */
const NOT_MODIFIERS: ReadonlySet<string> = new Set([
  ...FILLER_PHRASES.filter((phrase) => !phrase.includes(' ')),
  ...NEGATIONS.filter((phrase) => !phrase.includes(' ')),
  ...PAST_VERBS,
  ...ORIGIN_VERBS,
  ...IDENTITY_BEFORE,
  ...CLAUSE_WORDS,
  'job',
  'jobs',
  'career',
  'careers',
  'salary',
  'salaries',
  'scope',
  'future',
  'demand',
  'prospects',
  'visa',
  'visas',
  'fee',
  'fees',
  'cost',
  'costs',
  'scholarship',
  'scholarships',
  'entry',
  'requirements',
  'ranking',
  'rankings',
  'work',
  'working',
  'international',
  'new',
  'free',
  'funded',
  'accredited',
  'nhs',
  'general',
  'basic',
  'advanced',
  'cheapest',
  'easiest',
  'easy',
  'hard',
  'popular',
  'russell',
  'group',
  'than',
  'versus',
  'vs',
  'compare',
  'between',
  'any',
  'all',
  'other',
  'same',
  'different',
  'new',
  'own',
  'full',
  'part',
  'short',
  'long',
  'fast',
  'track',
  'accelerated',
  'professional',
  'practical',
  'clinical',
  'registered',
  'qualified',
  'british',
  'uk',
  'english',
  'study',
  'studies',
  'hello',
  'okay',
  'ok',
  'yes',
  'no',
  'well',
  'much',
  'many',
  'month',
  'months',
  'week',
  'weeks',
  'day',
  'days',
  'budget',
  'low',
  'high',
  'higher',
  'further',
  'level',
  'entry',
  'grade',
  'grades',
]);

/**
 * How many words right before token `start` narrow the subject that starts there ("Quantum Computing": 1): real
 * words, not filler, places, awards or cue words, with nothing between them. Returns 0 when none do.
 */
export function modifierCount(tokens: readonly Token[], start: number, usable: (i: number) => boolean): number {
  let count = 0;
  for (let i = start - 1; i >= 0 && count < MAX_MODIFIERS; i -= 1) {
    const token = tokens[i];
    if (token.kind !== 'word' || !usable(i) || NOT_MODIFIERS.has(token.norm) || !isWordLike(token.norm)) break;
    count += 1;
  }
  return count;
}
