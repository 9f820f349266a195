import { profileTokens, rawTokens } from '../profile/words.js';
import { readCity } from '../profile/place.js';
import { nonSubjectReason } from '../query-rules/non-subject.js';
import { destinations, readPlaces } from '../query-rules/places.js';
import { UK_CODE } from '../query-rules/countries.js';
import { tokenize } from '../query-rules/text.js';
import { UK_ONLY_DETAIL } from '../query-rules/types.js';
import { SYNONYMS } from './words.js';

/** The polite refusal of a question that is not about studying or working in the UK. */
export const OFF_TOPIC_DETAIL =
  'I can only answer questions about studying and working in the UK, from the sources behind this report. Try, for example, “Can my partner come with me?” or “How many hours can I work during term?”';

/** Why a follow-up is not answered: another destination than the UK, or not about studying or working in the UK. */
export type QuestionRefusalCode = 'UK_ONLY' | 'OFF_TOPIC';

/** What the rules make of a follow-up question before anything is stored. */
export type QuestionScreening =
  { readonly ok: true } | { readonly ok: false; readonly code: QuestionRefusalCode; readonly detail: string };

/**
 * Words that put a question in the app's field (studying, working, living, moving to the UK), in matching form
 * (lower case). A question with none of them and no knowledge-base phrase (`SYNONYMS`) is off topic.
 */
const FIELD_WORDS: ReadonlySet<string> = new Set(
  (
    'study studying studies student students university universities uni course courses degree degrees college school ' +
    'visa visas work working job jobs career careers employer employers employment salary earn earning cost costs fee fees ' +
    'money pay paid apply application applications immigration ukvi sponsor sponsored sponsorship graduate graduation ' +
    'graduating move moving come coming bring stay staying live living intake september january semester term exam exams ' +
    'qualification qualifications register registration licence license regulator nmc gmc hcpc sra practise practice ' +
    'internship placement scholarship scholarships loan loans bank funds finance finances tax rent accommodation ' +
    'masters bachelors phd msc mba bsc ielts english cas offer deposit refusal refused rules rule law laws policy'
  ).split(' '),
);

/** Whether the question's words belong to studying or working in the UK. */
function inField(question: string): boolean {
  const words = profileTokens(question);
  if (words.some((word) => FIELD_WORDS.has(word))) return true;
  const lower = question.toLowerCase();
  // The city synonym alone ("London") puts no question in the field: "What is the weather in London?".
  return SYNONYMS.some(([pattern, words_]) => words_ !== 'london' && pattern.test(lower));
}

/**
 * Screens a follow-up as the report's query rules screen a subject: instructions to the app and markup are off
 * topic; a destination other than the UK ("Can I study in Canada instead?") gets the contract's UK-only reply, while
 * a place the student lives in or comes from ("if I live in Dubai") is no destination; a question with no word of
 * studying or working in the UK is off topic. Pure.
 */
export function screenQuestion(question: string): QuestionScreening {
  const tokens = tokenize(question);
  if (nonSubjectReason(question, tokens) !== null) return { ok: false, code: 'OFF_TOPIC', detail: OFF_TOPIC_DETAIL };
  if (destinations(readPlaces(tokens)).some((place) => place.code !== UK_CODE))
    return { ok: false, code: 'UK_ONLY', detail: UK_ONLY_DETAIL };
  if (!inField(question)) return { ok: false, code: 'OFF_TOPIC', detail: OFF_TOPIC_DETAIL };
  return { ok: true };
}

/** The UK city a question names ("What if I study in Manchester instead?"), or null. */
export function cityNamed(question: string): string | null {
  return readCity(profileTokens(question), rawTokens(question));
}
