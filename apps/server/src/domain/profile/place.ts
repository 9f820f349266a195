import { CITIES } from '../query-rules/cities.js';
import { UK_CODE } from '../query-rules/countries.js';
import type { Nationality } from './types.js';
import { findAll, phrases } from './words.js';

/** Areas in the query rules' UK list that are counties or regions, not cities. */
const NOT_CITIES: ReadonlySet<string> = new Set([
  'Yorkshire',
  'Lancashire',
  'Midlands',
  'West Midlands',
  'East Midlands',
  'Surrey',
  'Kent',
  'Essex',
  'Sussex',
  'Middlesex',
  'Hertfordshire',
  'Cornwall',
  'Devon',
  'Scottish Highlands',
  'Teesside',
]);

/** Other ways of writing a city, to its display name. */
const CITY_NAMES: Readonly<Record<string, string>> = {
  'Greater London': 'London',
  'Greater Manchester': 'Manchester',
  'Newcastle upon Tyne': 'Newcastle',
  'Kingston upon Hull': 'Hull',
  Londonderry: 'Derry',
};

/** The value meaning "a UK city that is not London" (the maintenance funds differ only in London). */
export const OUTSIDE_LONDON = 'Outside London';

/** UK cities (display names), from the query rules' list of UK places. */
export const UK_CITIES: readonly string[] = [
  ...new Set(
    (CITIES[UK_CODE] ?? '')
      .split('|')
      .map((name) => name.replace(/^=/u, ''))
      .filter((name) => !NOT_CITIES.has(name))
      .map((name) => CITY_NAMES[name] ?? name),
  ),
];

const CITY_TABLE: readonly (readonly [readonly string[], string])[] = (CITIES[UK_CODE] ?? '')
  .split('|')
  .filter((name) => !name.startsWith('=') && !NOT_CITIES.has(name))
  .map((name) => [phrases(name)[0], CITY_NAMES[name] ?? name] as const);

/** `city` as the app writes it ("london" → "London", "outside london" → "Outside London"), or `null` if unknown. */
export function canonicalCity(city: string): string | null {
  const wanted = city.trim().toLowerCase().replace(/\s+/gu, ' ');
  if (wanted === OUTSIDE_LONDON.toLowerCase()) return OUTSIDE_LONDON;
  const found = Object.entries(CITY_NAMES).find(([name]) => name.toLowerCase() === wanted)?.[1];
  return found ?? UK_CITIES.find((name) => name.toLowerCase() === wanted) ?? null;
}

/** The first UK city the words name ("in London", "at Edinburgh"), "Outside London" for that phrase, else `null`. */
export function readCity(tokens: readonly string[], raw: readonly string[]): string | null {
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    if (tokens[i] === 'outside' && tokens[i + 1] === 'london') return OUTSIDE_LONDON;
  }
  const readingAt = raw.indexOf('Reading');
  const [first] = findAll(tokens, CITY_TABLE);
  if (readingAt >= 0 && (!first || readingAt < first[0])) return 'Reading';
  return first ? first[2] : null;
}

const COUNTRY_NAMES: readonly (readonly [string, Nationality])[] = [
  ['india|bharat', 'IN'],
  ['pakistan', 'PK'],
  ['bangladesh', 'BD'],
  ['sri lanka|srilanka|ceylon', 'LK'],
  ['nepal', 'NP'],
];
const DEMONYMS: readonly (readonly [string, Nationality])[] = [
  ['indian|indians', 'IN'],
  ['pakistani|pakistanis', 'PK'],
  ['bangladeshi|bangladeshis', 'BD'],
  ['sri lankan|srilankan|sri lankans', 'LK'],
  ['nepali|nepalese|nepalis', 'NP'],
];
/** Home cities that name one country (Hyderabad and Punjab are in two, so they are left out). */
const HOME_CITIES: readonly (readonly [string, Nationality])[] = [
  [
    'delhi|new delhi|mumbai|bombay|bangalore|bengaluru|chennai|madras|kolkata|calcutta|pune|ahmedabad|kochi|kerala|gujarat|jaipur|lucknow|chandigarh|noida|gurgaon|gurugram',
    'IN',
  ],
  ['karachi|lahore|islamabad|rawalpindi|peshawar|faisalabad|multan|quetta', 'PK'],
  ['dhaka|chittagong|chattogram|sylhet|khulna|rajshahi', 'BD'],
  ['colombo|kandy|galle|jaffna', 'LK'],
  ['kathmandu|pokhara|lalitpur|biratnagar', 'NP'],
];

function table(rows: readonly (readonly [string, Nationality])[]): (readonly [readonly string[], Nationality])[] {
  return rows.flatMap(([list, code]) => phrases(list).map((words) => [words, code] as const));
}

const PLACE_TABLE = table([...COUNTRY_NAMES, ...HOME_CITIES]);
const DEMONYM_TABLE = table(DEMONYMS);

/** Words right before a home place: "from India", "I live in Pakistan", "citizen of Nepal", "based in Dhaka". */
const ORIGIN_BEFORE: ReadonlySet<string> = new Set(['from', 'of', 'in']);
const ORIGIN_IN_CUES: ReadonlySet<string> = new Set([
  'live',
  'living',
  'lives',
  'based',
  'im',
  'am',
  'currently',
  'reside',
  'residing',
  'stay',
  'staying',
  'citizen',
  'national',
]);
/** Words next to a demonym that make it the student's nationality ("Indian student", "I am Pakistani"). */
const PERSON_AFTER: ReadonlySet<string> = new Set([
  'student',
  'students',
  'national',
  'nationals',
  'citizen',
  'citizens',
  'passport',
  'applicant',
  'applicants',
  'girl',
  'boy',
  'guy',
  'man',
  'woman',
  'graduate',
  'here',
  'origin',
  'nationality',
  'international',
]);
const PERSON_BEFORE: ReadonlySet<string> = new Set(['am', 'im', 'an', 'a', 'as', 'being', 'are', 'were', 'fellow']);

function originPlace(tokens: readonly string[], index: number): boolean {
  const before = tokens[index - 1] ?? '';
  if (before === 'from') return true;
  if (before === 'of') return ['citizen', 'national', 'native', 'resident'].includes(tokens[index - 2] ?? '');
  if (!ORIGIN_BEFORE.has(before)) return false;
  return tokens.slice(Math.max(0, index - 4), index - 1).some((word) => ORIGIN_IN_CUES.has(word));
}

/** The student's nationality (IN, PK, BD, LK, NP) where the words say it, else `null`. */
export function readNationality(tokens: readonly string[]): Nationality | null {
  const hits: [number, Nationality][] = [];
  for (const [index, , code] of findAll(tokens, PLACE_TABLE)) {
    if (originPlace(tokens, index)) hits.push([index, code]);
  }
  for (const [index, length, code] of findAll(tokens, DEMONYM_TABLE)) {
    if (PERSON_BEFORE.has(tokens[index - 1] ?? '') || PERSON_AFTER.has(tokens[index + length] ?? ''))
      hits.push([index, code]);
  }
  return hits.sort((a, b) => a[0] - b[0])[0]?.[1] ?? null;
}
