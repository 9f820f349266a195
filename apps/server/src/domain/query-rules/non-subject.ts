import type { Token } from './text.js';

/**
 * Words that name no subject of study: instructions to the app, markup and code. Text is only ever tested against
 * the fixed patterns and phrases here; nothing is built from it.
 */

/** How to ask, said in every `NOT_A_SUBJECT` refusal. */
export const HOW_TO_ASK = 'Tell me one subject you want to study, for example "Nursing" or "MSc Data Science".';

/** Why a text names no subject. */
export type NonSubjectReason = 'instruction' | 'markup' | 'unrecognised';

/** The refusal's detail for each reason. */
export const NOT_A_SUBJECT_DETAILS: Readonly<Record<NonSubjectReason, string>> = {
  instruction: `This box takes the subject you want to study, not instructions. ${HOW_TO_ASK}`,
  markup: `Write the subject in plain words, without code, markup or links. ${HOW_TO_ASK}`,
  unrecognised: `These words do not name a subject of study we know. ${HOW_TO_ASK}`,
};

/** Markup, links and code: HTML tags, Markdown links and images, URLs, script and SQL fragments. */
const MARKUP_PATTERNS: readonly RegExp[] = [
  /<\s*\/?\s*[a-z!?][^>]*>/iu,
  /!?\[[^\]]*\]\([^)]*\)/u,
  /\b(?:https?|ftp|javascript):/iu,
  /\bwww\.\S/iu,
  /```|\{\{|\}\}|\$\{/u,
  /;\s*--|\/\*|\*\//u,
  /\b(?:drop|truncate|alter)\s+table\b|\bselect\s+\*|\bunion\s+select\b|\bor\s+1\s*=\s*1\b/iu,
  /\b(?:alert|eval|prompt|console\.log)\s*\(/iu,
];

/** Phrases that tell the app what to do instead of naming a subject (matching words, in order). */
const INSTRUCTION_PHRASES: readonly (readonly string[])[] = [
  'ignore previous',
  'ignore prior',
  'ignore all',
  'ignore the above',
  'ignore above',
  'ignore any',
  'ignore your',
  'ignore the previous',
  'ignore earlier',
  'ignore the rules',
  'ignore these',
  'ignore my',
  'disregard',
  'forget your',
  'forget all',
  'forget previous',
  'forget everything',
  'forget the above',
  'system prompt',
  'your instructions',
  'previous instructions',
  'prior instructions',
  'above instructions',
  'new instructions',
  'you are now',
  'from now on you',
  'act as',
  'pretend to be',
  'pretend you',
  'roleplay as',
  'role play as',
  'jailbreak',
  'developer mode',
  'do anything now',
  'dan mode',
  'override',
  'reveal your',
  'reveal the',
  'print your',
  'repeat the words',
  'repeat everything',
  'output the',
  'write a poem',
  'write me a',
  'write a story',
  'write an essay',
  'write a song',
  'write code',
  'tell me a joke',
  'say something',
  'respond only',
  'respond with',
  'answer only',
  'as an ai',
  'you must now',
  'admin mode',
  'sudo',
].map((phrase) => phrase.split(' '));

/** Whether the text's words contain one of the instruction phrases. */
function hasInstruction(tokens: readonly Token[]): boolean {
  const words = tokens.filter((token) => token.kind === 'word').map((token) => token.norm);
  return words.some((_, i) => INSTRUCTION_PHRASES.some((phrase) => phrase.every((word, k) => words[i + k] === word)));
}

/** Why the text can be no request for a subject at all (an instruction, markup), or `null` when it may be one. */
export function nonSubjectReason(text: string, tokens: readonly Token[]): NonSubjectReason | null {
  if (MARKUP_PATTERNS.some((pattern) => pattern.test(text))) return 'markup';
  if (hasInstruction(tokens)) return 'instruction';
  return null;
}

/** A run of five consonants ("sdfgh"): keyboard mashing, not a word. */
const CONSONANT_RUN = /[bcdfghjklmnpqrstvwxz]{5}/u;

/** Whether a word could be a real word in a subject's name ("Quantum"), not mashing ("asdfgh") or a number. */
export function isWordLike(norm: string): boolean {
  return /^\p{L}{3,}$/u.test(norm) && /[aeiouy]/u.test(norm) && !CONSONANT_RUN.test(norm);
}
