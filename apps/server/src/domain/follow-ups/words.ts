/**
 * The words of follow-up search: a small stemmer and stop list shared by the index and the question, and the
 * synonyms that carry a student's words ("wife", "earn", "PR") to the knowledge base's ("partner", "salary",
 * "settlement"). Data and pure functions only.
 */

/** Words that carry no meaning for the search. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then than of to in on at for from by with without about into as is are was were be been being ' +
    'do does did doing have has had having i me my mine we our you your he she it its they them their this that these those ' +
    'what which who whom whose when where why how can could would should will shall may might must also too very just so ' +
    'there here any some all each other such only own same not no nor more most much many get got need needs instead still ' +
    'uk britain england please tell know want like there s t need needed come coming go going get getting happen happens ' +
    'normal right now best good use possible allowed ok okay ask asked thing things lot really actually'
  ).split(' '),
);

/** A word in its matching form: lower case, plural and common endings taken off (the same for index and question). */
export function searchTerm(term: string): string | null {
  const word = term
    .toLowerCase()
    .replace(/[’']/g, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  if (word.length < 2 && !/^\d$/.test(word)) return null;
  if (STOP_WORDS.has(word)) return null;
  return stem(word);
}

function stem(word: string): string {
  if (/^\d/.test(word) || word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return restoreE(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 4)
    return /[dt]ed$/.test(word) ? word.slice(0, -2) : restoreE(word.slice(0, -2));
  if (word.endsWith('es') && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** A short stem that lost its silent e ("liv" of "living", "lived") gets it back, so that it matches "live". */
function restoreE(root: string): string {
  return root.length <= 4 && /[^aeiou][aeiou][^aeiouwxy]$/.test(root) ? `${root}e` : root;
}

/**
 * Phrases a student uses, each with the knowledge base's words for it. A phrase matches whole words of the question
 * (lower-cased); its words are added to the search, never removed from it.
 */
export const SYNONYMS: readonly (readonly [RegExp, string])[] = [
  [
    /\b(wife|husband|spouse|partner|fianc[eé]e?|married|family|kids?|children|child|son|daughter|baby|dependents?|dependants?)\b/,
    'dependants partner children',
  ],
  [/\b(earn|earning|earnings|salary|salaries|paid|pay|wage|wages|income|make)\b/, 'salary pay going rate earnings'],
  [
    /\b(part[- ]time|side job|work while|working while|job while|hours a week|hours per week)\b/,
    'work hours term time week',
  ],
  [
    /\b(stay|remain|(?<!years? )after (my )?(studies|study|graduation|graduating|degree|course)|post[- ]study|psw)\b/,
    'graduate visa stay after',
  ],
  [
    /\b(pr|settle|settlement|permanent(ly)?|ilr|indefinite|citizenship|citizen|passport)\b/,
    'settlement indefinite leave remain',
  ],
  [/\b(tb|tuberculosis|chest x-?ray)\b/, 'tb tuberculosis certificate clinic'],
  [
    /\b(living costs?|cost of living|rent|accommodation|housing|food|groceries|budget|afford|expensive|cheap|cheaper|bills)\b/,
    'living costs rent month',
  ],
  [
    /\b(father|mother|dad|mum|mom|parents?|uncle|relatives?|brother|sister|family money)\b/,
    'parent funds consent letter',
  ],
  [
    /\b(bank|statement|funds|show money|proof of funds|savings|balance|sponsor letter)\b/,
    'funds maintenance 28 days held',
  ],
  [/\b(tuition|course fees?|university fees?|cost of (the )?(course|degree)|fees for)\b/, 'tuition fees international'],
  [/\b(english|ielts|pte|toefl|duolingo|oet|language test)\b/, 'english b2 secure english language test'],
  [/\b(nhs|health|hospital|medical insurance|insurance|surcharge|ihs|doctor visits?)\b/, 'health surcharge ihs nhs'],
  [/\b(refus(e|ed|al)|reject(ed|ion)?|denied)\b/, 'refusal refused'],
  [/\b(deliver(y|oo)?|uber|rider|courier|just eat)\b/, 'delivery self-employed rider'],
  [
    /\b(tutor(ing)?|freelanc(e|ing)|youtube|content|business|self[- ]employ(ed|ment))\b/,
    'self-employment business tutoring',
  ],
  [/\b(sponsorship|sponsor me|sponsored|skilled worker|work visa|employers?)\b/, 'skilled worker sponsorship'],
  [
    /\b(when (should|can|do) i apply|how early|apply before|deadline|months before)\b/,
    'apply months before course starts',
  ],
  [
    /\b(processing|decision|how long (does|will) (it|the (decision|application|visa application)) take|waiting time|wait(ing)? for)\b/,
    'decision weeks processing',
  ],
  [/\b(how long (is|does|will|can|do)|length|lasts?|duration|how many (years|months))\b/, 'lasts years months length'],
  [/\b(arrive|arrival|travel|fly|land|enter the)\b/, 'arrive before start date'],
  [/\b(brp|biometric|evisa|e-visa|share code)\b/, 'evisa share code'],
  [/\b(benefits?|universal credit|public funds|welfare)\b/, 'public funds benefits'],
  [/\b(agents?|consultants?|consultancy)\b/, 'recruitment agents mis-sell'],
  [
    /\b(scams?|fake|fraud|guaranteed job|pay (for|to get) (a |the )?(guaranteed )?(job|sponsorship|cos|certificate))\b/,
    'payment sponsorship certificate guaranteed job fraud',
  ],
  [/\b(tax|taxes|taxed)\b/, 'income tax personal allowance'],
  [/\b(minimum wage|living wage|per hour|an hour|hourly)\b/, 'national living wage hour'],
  [/\b(switch|change (to|into) (a )?(work|skilled))\b/, 'switch skilled worker route'],
  [/\b(phd|doctorate|doctoral|research degree|mres|mphil)\b/, 'phd doctoral research'],
  [/\b(masters?|msc|ma|mba|postgraduate|pg)\b/, 'master postgraduate taught'],
  [/\b(bachelors?|undergraduate|bsc|ba|ug)\b/, 'bachelor undergraduate'],
  [/\b(nurse|nurses|nursing)\b/, 'nursing nurse nhs band registered health care worker'],
  [/\b(lawyer|lawyers|solicitor|solicitors|barrister|barristers|legal)\b/, 'law legal solicitor barrister'],
  [/\b(care worker|carer|care home|senior care)\b/, 'care worker 6135'],
  [/\b(deposit)\b/, 'deposit cas'],
  [/\b(cas|confirmation of acceptance|offer letter|unconditional)\b/, 'cas confirmation acceptance offer sponsor'],
  [
    /\b(visa fees?|application fees?|(cost|price) of the visa|visa (cost|costs|price))\b/,
    'visa application fee applicant',
  ],
  [/\b(18 months|two years|2 years|shorten(ed)?|cut)\b/, 'graduate visa length months'],
  [/\b(extend|extension|renew)\b/, 'extend extension'],
  [/\b(holidays?|vacation|summer|christmas|break)\b/, 'vacation full time'],
  [/\b(council tax)\b/, 'council tax exempt'],
  [/\b(atas)\b/, 'atas certificate'],
  [/\b(london|londons)\b/, 'london'],
  [/\b(placement|internship|sandwich|year in industry)\b/, 'placement work'],
  [/\b(doctor|doctors|foundation year|fy1|junior doctor)\b/, 'foundation doctor fy1 medical'],
  [/\b(pharmacist|pharmacy)\b/, 'pharmacist pharmacy band 6'],
  [/\b(software|developer|programmer|coding|it job)\b/, 'software developer programmer 2134'],
  [
    /\b(unemploy(ed|ment)|job market|hard to find|find a job|get a job|competition|competitive)\b/,
    'graduate hiring vacancies unemployment',
  ],
  [/\b(high potential|hpi|top universit(y|ies))\b/, 'high potential individual'],
];

/** One phrase of the question that a synonym carried: the question's terms it covers and the terms it added. */
export interface SynonymUse {
  readonly covers: readonly string[];
  readonly adds: readonly string[];
}

/** The question with the knowledge base's words for its phrases appended (the question's own words first). */
export interface ExpandedQuery {
  readonly text: string;
  readonly synonyms: readonly SynonymUse[];
}

/** Expands a question with {@link SYNONYMS}. */
export function expandQuery(question: string): ExpandedQuery {
  const lower = question.toLowerCase();
  const synonyms: SynonymUse[] = [];
  for (const [pattern, words] of SYNONYMS) {
    const match = pattern.exec(lower);
    if (match) synonyms.push({ covers: questionTerms(match[0]), adds: questionTerms(words) });
  }
  return {
    text: [question, ...SYNONYMS.filter(([pattern]) => pattern.test(lower)).map(([, words]) => words)].join(' '),
    synonyms,
  };
}

/** The question's own meaningful terms (stop words dropped), in matching form, without repeats. */
export function questionTerms(question: string): string[] {
  const terms = question.split(/[^\p{L}\p{N}'’-]+/u).flatMap((word) => {
    const term = searchTerm(word);
    return term ? [term] : [];
  });
  return [...new Set(terms)];
}
