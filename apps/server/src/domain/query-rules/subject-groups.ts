import type { CatalogueEntry } from './catalogue.js';
import { familyOf, type SubjectMention } from './subject-finder.js';
import { JOINT_DEGREES } from './subjects.js';
import type { Token } from './text.js';

/** One subject a student asks for: a catalogue subject, or a joint or compound of several. */
export interface SubjectChoice {
  /** The entry that leads: the map entry a report on this choice is about is `lead.mapId`. */
  readonly lead: CatalogueEntry;
  /** The mentions it is made of, in text order. */
  readonly mentions: readonly SubjectMention[];
  /** Tokens it spans: from the first mention's start to one past the last mention's end. */
  readonly start: number;
  readonly end: number;
}

/** How two neighbouring subject mentions relate. */
type Link = 'compound' | 'with' | 'and' | 'slash' | 'in' | 'bracket' | 'apart';

const JOINT_KEYS: ReadonlySet<string> = new Set(JOINT_DEGREES.map((pair) => [...pair].sort().join('+')));

function isJoint(a: CatalogueEntry, b: CatalogueEntry): boolean {
  return familyOf(a) === familyOf(b) || JOINT_KEYS.has([a.id, b.id].sort().join('+'));
}

function linkBetween(tokens: readonly Token[], a: SubjectMention, b: SubjectMention): Link {
  const between = tokens
    .slice(a.end, b.start)
    .map((token) => token.norm)
    .join(' ');
  if (between === '') return 'compound';
  if (between === 'with') return 'with';
  // "MBA (Finance)": a specialism in brackets, as with "in".
  if (between === '(') return isJoint(a.value, b.value) || a.value.takesSpecialism ? 'bracket' : 'apart';
  if (between === 'and') return isJoint(a.value, b.value) ? 'and' : 'apart';
  if (between === '/') return familyOf(a.value) === familyOf(b.value) ? 'slash' : 'apart';
  if (between === 'in' && a.value.takesSpecialism) return 'in';
  return 'apart';
}

interface Draft {
  lead: CatalogueEntry;
  ids: Set<string>;
  last: CatalogueEntry;
  first: CatalogueEntry;
  mentions: SubjectMention[];
}

/** "Mechanical Engineering BEng", "Engineering (Mechanical)": a family head next to one of its members is that member. */
function isFamilyPair(a: CatalogueEntry, b: CatalogueEntry): boolean {
  return a.id === familyOf(b) || b.id === familyOf(a);
}

function extend(draft: Draft, mention: SubjectMention, link: Exclude<Link, 'apart'>): void {
  const entry = mention.value;
  draft.mentions.push(mention);
  if (entry === draft.last) return;
  if ((link === 'compound' || link === 'bracket') && draft.ids.size === 1 && isFamilyPair(draft.first, entry)) {
    if (entry.family === draft.first.id)
      Object.assign(draft, { lead: entry, ids: new Set([entry.id]), first: entry, last: entry });
    return;
  }
  // In a compound the last word leads ("Marketing Management" is management), unless the first takes a specialism.
  if (link === 'compound' && !draft.first.takesSpecialism) draft.lead = entry;
  draft.ids.add(entry.id);
  draft.last = entry;
}

/**
 * Groups neighbouring mentions into the subjects asked for: "Law with Criminology", "Economics and Politics",
 * "Data Science/AI" (same family) and "Marketing Management" are one subject each; "Law, Medicine",
 * "nursing / business" and "computer science and medicine" are two. Returns the distinct subjects in text order.
 */
export function groupSubjects(tokens: readonly Token[], mentions: readonly SubjectMention[]): SubjectChoice[] {
  const drafts: Draft[] = [];
  mentions.forEach((mention, i) => {
    const previous = mentions[i - 1];
    const link = previous ? linkBetween(tokens, previous, mention) : 'apart';
    const draft = drafts.at(-1);
    if (draft && link !== 'apart') {
      extend(draft, mention, link);
    } else {
      const entry = mention.value;
      drafts.push({ lead: entry, ids: new Set([entry.id]), last: entry, first: entry, mentions: [mention] });
    }
  });
  // Two drafts made of the same catalogue subjects are the same subject ("Law … law").
  const choices = new Map<string, SubjectChoice>();
  for (const draft of drafts) {
    const key = [...draft.ids].sort().join('+');
    const { lead, mentions: parts } = draft;
    if (!choices.has(key))
      choices.set(key, { lead, mentions: parts, start: parts[0].start, end: parts[parts.length - 1].end });
  }
  return [...choices.values()];
}
