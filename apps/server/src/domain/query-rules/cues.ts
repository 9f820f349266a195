/**
 * The small words around a place or subject that say how it is meant: an origin ("from India"), a destination
 * ("UK universities"), set aside ("not Canada"), or the writer's past ("I studied law"). Data only.
 */

/** Articles skipped when reading the words next to a mention. */
export const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/** Punctuation that ends a clause: context is never read across it. */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([',', ';', ':', '.', '!', '?', '/', '(', ')', '|', '\\']);

/** Words before a mention that set it aside: "not Canada", "rather than medicine". */
export const NEGATIONS: readonly string[] = [
  'not',
  'no',
  'nor',
  'never',
  'instead of',
  'rather than',
  'other than',
  'except',
  'excluding',
  'apart from',
  'besides',
  'without',
];

/** Prepositions that may stand between a negation or origin verb and a place: "not in Canada". */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'to', 'at', 'for', 'from']);

/** Words right before a place that make it the writer's origin: "from India", "citizen of Nepal". */
export const ORIGIN_BEFORE: readonly string[] = [
  'from',
  'citizen of',
  'citizens of',
  'national of',
  'nationals of',
  'native of',
  'resident of',
  'residents of',
];

/** Words right before a capitalised name that make it a person's name, not a place: "my name is Jordan". */
export const NAME_BEFORE: readonly string[] = ['name is', 'named', 'called', 'this is'];

/** Words right before "in"/"at" + place that put the writer there now: "I'm in Dubai", "back home in Nepal". */
export const ORIGIN_NEAR_IN: ReadonlySet<string> = new Set([
  'am',
  'im',
  'is',
  'are',
  'here',
  'home',
  'back',
  'currently',
]);

/** Verbs that put a subject in the writer's past: "I studied law", "I have a degree in pharmacy". */
export const PAST_VERBS: ReadonlySet<string> = new Set([
  'studied',
  'completed',
  'did',
  'done',
  'graduated',
  'finished',
  'obtained',
  'earned',
  'got',
  'have',
  'had',
  'hold',
  'holding',
  'gained',
  'passed',
  'worked',
]);

/**
 * Verbs up to three words (articles aside) before "in"/"at" + place that put the writer there now or before:
 * "I live in Lahore", "I am a nurse in Kerala", "did my BSc in India". Not after "to": "want to work in Canada"
 * asks for Canada.
 */
export const ORIGIN_VERBS: ReadonlySet<string> = new Set([
  'am',
  'im',
  'was',
  'live',
  'lives',
  'living',
  'lived',
  'based',
  'born',
  'raised',
  'grew',
  'reside',
  'resides',
  'residing',
  'resident',
  'staying',
  'settled',
  'work',
  'works',
  'working',
  'employed',
  ...PAST_VERBS,
]);

/** Words right before a demonym or subject that make it the writer's own: "I am a Bangladeshi", "as a nurse". */
export const IDENTITY_BEFORE: ReadonlySet<string> = new Set([
  'am',
  'im',
  'as',
  'being',
  'are',
  'were',
  'is',
  'was',
  'i',
  'we',
  'currently',
  'former',
]);

/** Words right before a subject that make it the writer's aim, not the course asked for: "to become a nurse". */
export const GOAL_BEFORE: ReadonlySet<string> = new Set(['become', 'becoming']);

/** Words right after a subject that make it the writer's own role: "Civil engineer wants an MSc …". */
export const SELF_AFTER: ReadonlySet<string> = new Set([
  'want',
  'wants',
  'wanting',
  'looking',
  'seeking',
  'planning',
  'hoping',
  'aspiring',
  'applying',
  'needs',
  'need',
]);

/** Words that start a new clause, where a look-back for a past verb stops: "I studied hard and want law". */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'and',
  'but',
  'now',
  'then',
  'so',
  'want',
  'wants',
  'wanting',
  'would',
  'like',
  'plan',
  'planning',
  'hope',
  'hoping',
  'looking',
  'interested',
  'next',
  'after',
  'later',
  'also',
  'to',
]);

/** Words after a demonym that make it the writer's origin: "Nepali student", "Indian nursing graduate". */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  'student',
  'students',
  'applicant',
  'applicants',
  'national',
  'nationals',
  'citizen',
  'citizens',
  'passport',
  'resident',
  'residents',
  'origin',
  'background',
  'girl',
  'boy',
  'man',
  'woman',
  'guy',
  'person',
  'people',
  'family',
  'parents',
  'graduate',
  'graduates',
  'professional',
  'professionals',
  'born',
  'descent',
  'nationality',
]);

/** Words after a country's name that make it the writer's origin: "India passport holder". */
export const ORIGIN_AFTER_NAME: ReadonlySet<string> = new Set([
  'passport',
  'citizen',
  'citizens',
  'national',
  'nationals',
  'citizenship',
  'nationality',
  'origin',
  'born',
  'resident',
  'residents',
]);

/** Words after a place or demonym that make it a destination: "UK universities", "Canadian college", "US visa". */
export const INSTITUTION_NOUNS: ReadonlySet<string> = new Set([
  'university',
  'universities',
  'uni',
  'unis',
  'college',
  'colleges',
  'school',
  'schools',
  'institution',
  'institutions',
  'institute',
  'campus',
  'visa',
  'visas',
  'degree',
  'degrees',
  'education',
  'qualification',
  'qualifications',
  'course',
  'courses',
  'programme',
  'programmes',
  'program',
  'programs',
  'masters',
  'permit',
]);

/** Words after a demonym that opens the text which make it the writer's: "Sri Lankan, wants…", "Nepali looking for…". */
export const OPENING_FOLLOWERS: ReadonlySet<string> = new Set([
  'want',
  'wants',
  'wanting',
  'looking',
  'seeking',
  'interested',
  'planning',
  'hoping',
  'who',
  'here',
  'with',
  'aged',
  'applying',
  'studying',
  'aspiring',
  'keen',
  'and',
  'going',
  'moving',
  'need',
  'needs',
]);
