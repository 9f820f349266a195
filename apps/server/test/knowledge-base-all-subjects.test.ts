import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/domain/knowledge-base/load.js';
import { retrieve } from '../src/domain/knowledge-base/retrieve.js';
import { toCitations } from '../src/domain/report/citations.js';
import { citedNumbers, reportText, validateReport } from '../src/domain/report/validate.js';
import { composeReport } from '../src/domain/writers/knowledge-base-writer/compose.js';
import type { StudentProfile } from '../src/domain/profile/types.js';
import { sentences } from './support/sentences.js';

/**
 * Every subject in the map, written by the knowledge-base writer for a few students: what the ten subjects of
 * `kb-measure` are held to, held for all of them. A subject added to the map, or a fact whose wording changes, is
 * checked here before a student pays for it.
 */
const kb = loadKnowledgeBase();
const NOW = new Date('2026-12-01T10:00:00Z');
const PROFILES: readonly [string, StudentProfile | undefined][] = [
  ['no profile', undefined],
  ['UG Glasgow, PK', { level: 'undergraduate', intake: '2027-09', city: 'Glasgow', nationality: 'PK' }],
  ['PGT London January, IN', { level: 'postgraduate_taught', intake: '2027-01', city: 'London', nationality: 'IN' }],
  ['PGR Cardiff, NP', { level: 'postgraduate_research', intake: '2028-01', city: 'Cardiff', nationality: 'NP' }],
];

/** Words that say how a figure was compiled, or how sure the data is: they stay in the knowledge base. */
const INTERNAL = /from memory|\bderived\b|third[- ]party|\bverify\)|confidence|our calculation|unverified/i;
/** What a template leaves behind when a value is missing. */
const LEFTOVER = /undefined|NaN|\bnull\b|\[object|\(\s*\)|\.\.(?!\.)|,\s*[.;]|\S {2,}\S/;
/** "a MArch", "a MSc": degree names said letter by letter take "an". */
const WRONG_ARTICLE = /\b[Aa] M(?:[A-Z]|Sc|Arch|Pharm|Res|Phil)/;

/** A sub-heading on a line of its own ("**Specific to Law**") may open more than one section. */
const isHeading = (line: string): boolean => /^\*\*[^*]+\*\*:?$/.test(line.trim());

describe.each(kb.subjectMap.subjects.map((s) => [s.name, s.id] as const))('%s (%s)', (name, id) => {
  it.each(PROFILES)(
    '%s: valid, every source cited, nothing internal or left over, no sentence twice',
    (_label, profile) => {
      const retrieval = retrieve(kb, { subject: name, subjectId: id, on: NOW });
      const { content, sources } = composeReport({
        subject: name,
        retrieval,
        now: NOW,
        ...(profile ? { profile } : {}),
      });
      const citations = toCitations(sources);
      expect(validateReport(content, citations)).toEqual([]);
      const body = reportText({ ...content, sources: '' });
      expect(citedNumbers(body).sort((a, b) => a - b)).toEqual(citations.map((c) => c.id));
      expect(body).not.toMatch(INTERNAL);
      expect(body).not.toMatch(LEFTOVER);
      expect(body).not.toMatch(WRONG_ARTICLE);
      const said = sentences(
        body
          .split('\n')
          .filter((line) => !isHeading(line))
          .join('\n'),
      );
      expect(said.filter((s, i) => said.indexOf(s) !== i)).toEqual([]);
      expect(body.split(/\s+/).filter((w) => /\w/.test(w)).length).toBeLessThanOrEqual(3500);
    },
  );
});
