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
    'uk britain england please tell know want like there s t'
  ).split(' '),
);

/** A word in its matching form: lower case, plural and common endings taken off (the same for index and question). */
export function searchTerm(term: string): string | null {
  const word = term.toLowerCase().replace(/[’']/g, '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (word.length < 2 && !/^\d$/.test(word)) return null;
  if (STOP_WORDS.has(word)) return null;
  return stem(word);
}

function stem(word: string): string {
  if (/^\d/.test(word) || word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('es') && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/**
 * Phrases a student uses, each with the knowledge base's words for it. A phrase matches whole words of the question
 * (lower-cased); its words are added to the search, never removed from it.
 */
export const SYNONYMS: readonly (readonly [RegExp, string])[] = [
  [/\b(wife|husband|spouse|partner|fianc[eé]e?|married|family|kids?|children|child|son|daughter|baby|dependents?|dependants?)\b/, 'dependants partner children'],
  [/\b(earn|earning|earnings|salary|salaries|paid|pay|wage|wages|income|make)\b/, 'salary pay going rate earnings'],
  [/\b(part[- ]time|side job|work while|working while|job while|hours a week|hours per week)\b/, 'work hours term time week'],
  [/\b(stay|remain|after (my )?(studies|study|graduation|graduating|degree|course)|post[- ]study|psw)\b/, 'graduate visa stay after'],
  [/\b(pr|settle|settlement|permanent(ly)?|ilr|indefinite|citizenship|citizen|passport)\b/, 'settlement indefinite leave remain'],
  [/\b(tb|tuberculosis|chest x-?ray)\b/, 'tb test tuberculosis'],
  [/\b(live|living|rent|accommodation|housing|food|groceries|budget|afford|expensive|cheap|cheaper)\b/, 'living costs rent month'],
  [/\b(bank|statement|funds|show money|proof of funds|savings|balance|sponsor letter)\b/, 'funds maintenance 28 days held'],
  [/\b(fee|fees|tuition|cost of (the )?(course|degree))\b/, 'tuition fees international'],
  [/\b(english|ielts|pte|toefl|duolingo|oet|language test)\b/, 'english b2 secure english language test'],
  [/\b(nhs|health|hospital|medical insurance|insurance|surcharge|ihs|doctor visits?)\b/, 'health surcharge ihs nhs'],
  [/\b(refus(e|ed|al)|reject(ed|ion)?|denied)\b/, 'refusal refused'],
  [/\b(deliver(y|oo)?|uber|rider|courier|just eat)\b/, 'delivery self-employed rider'],
  [/\b(tutor(ing)?|freelanc(e|ing)|youtube|content|business|self[- ]employ(ed|ment))\b/, 'self-employment business tutoring'],
  [/\b(sponsor(ship|ed)?|skilled worker|work visa|employer)\b/, 'skilled worker sponsorship'],
  [/\b(when (should|can|do) i apply|how early|apply before|deadline|months before)\b/, 'apply months before course starts'],
  [/\b(how long|processing|decision|wait(ing)?)\b/, 'decision weeks processing'],
  [/\b(arrive|arrival|travel|fly|land|enter the)\b/, 'arrive before start date'],
  [/\b(brp|biometric|evisa|e-visa|share code)\b/, 'evisa share code'],
  [/\b(benefits?|universal credit|public funds|welfare)\b/, 'public funds benefits'],
  [/\b(agents?|consultants?|consultancy)\b/, 'recruitment agents mis-sell'],
  [/\b(scams?|fake|fraud|pay for (a )?(job|sponsorship|cos))\b/, 'sponsorship scams payment'],
  [/\b(tax|taxes|taxed)\b/, 'income tax personal allowance'],
  [/\b(minimum wage|living wage|per hour|an hour|hourly)\b/, 'national living wage hour'],
  [/\b(switch|change (to|into) (a )?(work|skilled))\b/, 'switch skilled worker route'],
  [/\b(phd|doctorate|doctoral|research degree|mres|mphil)\b/, 'phd doctoral research'],
  [/\b(masters?|msc|ma|mba|postgraduate|pg)\b/, 'master postgraduate taught'],
  [/\b(bachelors?|undergraduate|bsc|ba|ug)\b/, 'bachelor undergraduate'],
  [/\b(nurse|nurses|nursing)\b/, 'nursing nurse nhs band registered'],
  [/\b(care worker|carer|care home|senior care)\b/, 'care worker 6135'],
  [/\b(deposit)\b/, 'deposit cas'],
  [/\b(cas|confirmation of acceptance|offer letter|unconditional)\b/, 'cas confirmation acceptance offer sponsor'],
  [/\b(visa fee|application fee|how much (is|does) the visa)\b/, 'visa application fee'],
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
  [/\b(unemploy(ed|ment)|job market|hard to find|find a job|get a job|competition|competitive)\b/, 'graduate hiring vacancies unemployment'],
  [/\b(high potential|hpi|top universit(y|ies))\b/, 'high potential individual'],
];

/** The question with the knowledge base's words for its phrases appended (the question's own words first). */
export function expandQuery(question: string): string {
  const lower = question.toLowerCase();
  const extra = SYNONYMS.filter(([pattern]) => pattern.test(lower)).map(([, words]) => words);
  return [question, ...extra].join(' ');
}

/** The question's own meaningful terms (stop words dropped), in matching form, without repeats. */
export function questionTerms(question: string): string[] {
  const terms = question.split(/[^\p{L}\p{N}'’-]+/u).flatMap((word) => {
    const term = searchTerm(word);
    return term ? [term] : [];
  });
  return [...new Set(terms)];
}
