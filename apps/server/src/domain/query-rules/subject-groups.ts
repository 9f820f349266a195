import { familyOf, type SubjectMention } from './subject-finder.js';
import { JOINT_DEGREES, type SubjectEntry } from './subjects.js';
import type { Token } from './text.js';

/** One subject a student asks for: a catalogue subject, or a joint or compound of several. */
export interface SubjectChoice {
  /** Canonical display name: "Law with Criminology", "Marketing Management". */
  readonly name: string;
  /** The knowledge-base-facing id: the family of the main subject, else its own id. */
  readonly subjectId: string;
}

/** How two neighbouring subject mentions relate. */
type Link = 'compound' | 'with' | 'and' | 'slash' | 'in' | 'bracket' | 'apart';

const JOINT_KEYS: ReadonlySet<string> = new Set(JOINT_DEGREES.map((pair) => [...pair].sort().join('+')));

function isJoint(a: SubjectEntry, b: SubjectEntry): boolean {
  return familyOf(a) === familyOf(b) || JOINT_KEYS.has([a.id, b.id].sort().join('+'));
}

function linkBetween(tokens: readonly Token[], a: SubjectMention, b: SubjectMention): Link {
  const between = tokens.slice(a.end, b.start).map((token) => token.norm).join(' ');
  if (between === '') return 'compound';
  if (between === 'with') return 'with';
  if (between === '(') return isJoint(a.value, b.value) ? 'bracket' : 'apart';
  if (between === 'and') return isJoint(a.value, b.value) ? 'and' : 'apart';
  if (between === '/') return familyOf(a.value) === familyOf(b.value) ? 'slash' : 'apart';
  if (between === 'in' && a.value.takesSpecialism) return 'in';
  return 'apart';
}

/** "Mechanical Engineering" and "Electrical Engineering" → "Mechanical and Electrical Engineering" (or " / "). */
function joinSharing(left: string, right: string, joiner: string): string {
  const leftWords = left.split(' ');
  const rightWords = right.split(' ');
  let shared = 0;
  while (
    shared < leftWords.length - 1 &&
    shared < rightWords.length - 1 &&
    leftWords[leftWords.length - 1 - shared] === rightWords[rightWords.length - 1 - shared]
  ) {
    shared += 1;
  }
  return `${leftWords.slice(0, leftWords.length - shared).join(' ')}${joiner}${right}`;
}

interface Draft {
  name: string;
  subjectId: string;
  ids: Set<string>;
  last: SubjectEntry;
  first: SubjectEntry;
}

/** "Mechanical Engineering BEng", "Engineering (Mechanical)": a family head next to one of its members is that member. */
function isFamilyPair(a: SubjectEntry, b: SubjectEntry): boolean {
  return a.id === familyOf(b) || b.id === familyOf(a);
}

function extend(draft: Draft, entry: SubjectEntry, link: Exclude<Link, 'apart'>): void {
  if (entry === draft.last) return;
  if ((link === 'compound' || link === 'bracket') && draft.ids.size === 1 && isFamilyPair(draft.first, entry)) {
    if (entry.family === draft.first.id) {
      Object.assign(draft, { name: entry.name, ids: new Set([entry.id]), first: entry, last: entry });
    }
    return;
  }
  const joined: Record<typeof link, string> = {
    compound: `${draft.name} ${entry.name}`,
    with: `${draft.name} with ${entry.name}`,
    and: joinSharing(draft.name, entry.name, ' and '),
    slash: joinSharing(draft.name, entry.name, ' / '),
    in: `${draft.name} in ${entry.name}`,
    bracket: `${draft.name} (${entry.name})`,
  };
  draft.name = joined[link];
  // In a compound the last word leads ("Marketing Management" is management), unless the first takes a specialism.
  if (link === 'compound' && !draft.first.takesSpecialism) draft.subjectId = familyOf(entry);
  draft.ids.add(entry.id);
  draft.last = entry;
}

/**
 * Groups neighbouring mentions into the subjects asked for: "Law with Criminology", "Economics and Politics",
 * "Data Science/AI" (same family) and "Marketing Management" are one subject each; "Law, Medicine",
 * "nursing / business" and "computer science and medicine" are two. Returns the
 * distinct subjects in text order.
 */
export function groupSubjects(tokens: readonly Token[], mentions: readonly SubjectMention[]): SubjectChoice[] {
  const drafts: Draft[] = [];
  mentions.forEach((mention, i) => {
    const previous = mentions[i - 1];
    const link = previous ? linkBetween(tokens, previous, mention) : 'apart';
    const draft = drafts.at(-1);
    if (draft && link !== 'apart') {
      extend(draft, mention.value, link);
    } else {
      const entry = mention.value;
      drafts.push({ name: entry.name, subjectId: familyOf(entry), ids: new Set([entry.id]), last: entry, first: entry });
    }
  });
  // Two drafts made of the same catalogue subjects are the same subject ("Law … law").
  const choices = new Map<string, SubjectChoice>();
  for (const draft of drafts) {
    const key = [...draft.ids].sort().join('+');
    if (!choices.has(key)) choices.set(key, { name: draft.name, subjectId: draft.subjectId });
  }
  return [...choices.values()];
}
