import { readCountryField } from './country-field.js';
import type { PlaceEntry } from './countries.js';
import { UK_CODE } from './countries.js';
import { modifierCount } from './modifiers.js';
import { NOT_A_SUBJECT_DETAILS, nonSubjectReason } from './non-subject.js';
import { destinations, placeTokens, readPlaces } from './places.js';
import { readSubjects, type SubjectReading } from './subject-finder.js';
import { groupSubjects, type SubjectChoice } from './subject-groups.js';
import { tokenize, type Token } from './text.js';
import { subjectTitle } from './title.js';
import {
  MAX_SUBJECT_LENGTH,
  UK_ONLY_DETAIL,
  type QueryAccepted,
  type QueryInput,
  type QueryRefusal,
  type QueryRefusalCode,
} from './types.js';

function refuse(code: QueryRefusalCode, detail: string, field: QueryRefusal['field'] = 'subject'): QueryRefusal {
  return { ok: false, code, detail, field };
}

/** Two or more names, quoted: "Law" and "Medicine"; "Law", "Medicine" and "Nursing". */
function listOf(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

function multipleCountries(places: readonly PlaceEntry[], field: QueryRefusal['field']): QueryRefusal {
  const named = places.length > 0 ? ` (${places.map((place) => place.name).join(', ')})` : '';
  return refuse('MULTIPLE_COUNTRIES', `Ask about one country at a time${named}. ${UK_ONLY_DETAIL}`, field);
}

/** Control characters become spaces, runs of white space one space. */
function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The title of one choice, from `start` (modifier words included) to the end of its mentions. */
function titleOf(
  text: string,
  tokens: readonly Token[],
  reading: SubjectReading,
  choice: SubjectChoice,
  start = choice.start,
): string {
  return subjectTitle({ text, tokens, start, end: choice.end, mentions: choice.mentions, awards: reading.awards });
}

/** The accepted subject: its title (with the UK award named), map entry, and how it reached the map. */
function accept(
  text: string,
  tokens: readonly Token[],
  placeTaken: readonly boolean[],
  reading: SubjectReading,
  choice: SubjectChoice,
): QueryAccepted {
  const awardTaken = new Set(
    reading.awards.flatMap((award) => Array.from({ length: award.end - award.start }, (_, k) => award.start + k)),
  );
  const modifiers = modifierCount(tokens, choice.start, (i) => !placeTaken[i] && !awardTaken.has(i));
  const title = titleOf(text, tokens, reading, choice, choice.start - modifiers);
  // The award in front, unless the title already has it ("PGCE Secondary Maths", "Maths PGCE").
  const named = reading.award !== null && tokenize(title).some((token) => token.raw === reading.award);
  const subject = reading.award && !named ? `${reading.award} ${title}` : title;
  const { lead } = choice;
  const matchedVia = modifiers > 0 ? 'parent' : lead.via;
  const note =
    matchedVia === 'parent'
      ? `There is no separate entry for "${title}" in our subject data, so this report covers the group it belongs to: ${lead.mapName}.`
      : null;
  return { ok: true, subject, subjectId: lead.mapId, matchedVia, note };
}

/**
 * Reads a report request as a person wrote it and returns the one subject it asks about in the UK, placed on the
 * subject map, or the contract's refusal. Checks run in this order, the first failing one answering:
 *
 * 1. `VALIDATION_ERROR`: the subject is empty or longer than 200 characters (after trimming);
 * 2. the `country` field: absent or a UK name is fine; two countries → `MULTIPLE_COUNTRIES`, another → `UK_ONLY`;
 * 3. `NOT_A_SUBJECT`: the text is an instruction to the app, markup or code;
 * 4. the countries the subject text asks to study in (origins such as "I'm from India" do not count):
 *    two or more → `MULTIPLE_COUNTRIES` (even "UK or Canada"), one that is not the UK → `UK_ONLY`;
 * 5. two or more distinct subjects → `MULTIPLE_SUBJECTS` (a joint degree is one subject);
 * 6. `NOT_A_SUBJECT`: no recognisable subject is left once places and filler are set aside (greetings, gibberish,
 *    numbers, questions to the app, "UK").
 */
export function interpretQuery(input: QueryInput): QueryAccepted | QueryRefusal {
  const trimmed = input.subject.trim();
  if (trimmed === '') return refuse('VALIDATION_ERROR', 'Enter the subject you want to study.');
  if ([...trimmed].length > MAX_SUBJECT_LENGTH) {
    return refuse('VALIDATION_ERROR', `The subject must be at most ${MAX_SUBJECT_LENGTH} characters.`);
  }
  const country = readCountryField(input.country);
  if (country === 'several') return multipleCountries([], 'country');
  if (country === 'other') return refuse('UK_ONLY', UK_ONLY_DETAIL, 'country');

  const text = clean(trimmed);
  const tokens = tokenize(text);
  const reason = nonSubjectReason(text, tokens);
  if (reason !== null) return refuse('NOT_A_SUBJECT', NOT_A_SUBJECT_DETAILS[reason]);
  const places = readPlaces(tokens);
  const asked = destinations(places);
  if (asked.length > 1) return multipleCountries(asked, 'subject');
  if (asked.length === 1 && asked[0].code !== UK_CODE) return refuse('UK_ONLY', UK_ONLY_DETAIL);

  const placeTaken = placeTokens(tokens.length, places);
  const reading = readSubjects(tokens, placeTaken);
  const choices = groupSubjects(tokens, reading.mentions);
  if (choices.length > 1) {
    const names = listOf(choices.map((choice) => titleOf(text, tokens, reading, choice)));
    return refuse('MULTIPLE_SUBJECTS', `Ask about one subject at a time; this names ${names}.`);
  }
  const [choice] = choices;
  if (choice) return accept(text, tokens, placeTaken, reading, choice);
  return refuse('NOT_A_SUBJECT', NOT_A_SUBJECT_DETAILS.unrecognised);
}
