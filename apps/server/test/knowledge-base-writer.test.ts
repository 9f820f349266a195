import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/domain/knowledge-base/load.js';
import { retrieve } from '../src/domain/knowledge-base/retrieve.js';
import type { Fact, KnowledgeBase } from '../src/domain/knowledge-base/schema.js';
import { sectionMarkdown } from '../src/domain/report/render.js';
import { NOT_AVAILABLE, SECTION_KEYS } from '../src/domain/report/sections.js';
import type { WriterEvent, WriterInput, WriterResult } from '../src/domain/report/types.js';
import { citedNumbers, reportText, validateReport } from '../src/domain/report/validate.js';
import { withMarker } from '../src/domain/writers/knowledge-base-writer/context.js';
import {
  chunkText,
  composeReport,
  createKnowledgeBaseWriter,
  WORDS_PER_DELTA,
} from '../src/domain/writers/knowledge-base-writer/index.js';
import { distinctRoles } from '../src/domain/knowledge-base/distinct-roles.js';
import { MAX_FALLBACK_ROLES } from '../src/domain/writers/knowledge-base-writer/sections-work.js';

/** The facts file read as plain JSON: the expected figures come from here, not from the code under test. */
const facts = JSON.parse(
  readFileSync(new URL('../data/knowledge-base/uk-facts.json', import.meta.url), 'utf8'),
) as KnowledgeBase;
const fact = (id: string): Fact => facts.facts.find((f) => f.id === id)!;
/** The first £ amount in a fact's value, e.g. `£776` from `£776/year`. */
const pounds = (id: string): string => /£[\d,.]+/.exec(fact(id).value!)![0];
const gbp = (n: number): string => `£${n.toLocaleString('en-GB')}`;
const longDate = (d: Date): string =>
  d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const kb = loadKnowledgeBase();
const allSources = [...kb.sources, ...kb.occupations.sources, ...kb.subjectMap.sources];
const NOW = new Date('2026-11-26T10:00:00Z');
const input = (subject: string, now = NOW): WriterInput => ({
  subject,
  retrieval: retrieve(kb, { subject, on: now }),
  now,
});

async function write(
  writerInput: WriterInput,
  deltaDelayMs = 0,
): Promise<{ result: WriterResult; events: WriterEvent[] }> {
  const events: WriterEvent[] = [];
  const result = await createKnowledgeBaseWriter({ deltaDelayMs }).write(writerInput, (event) => events.push(event));
  return { result, events };
}

const SUBJECTS = [
  ['Computer Science', 'computer-science'],
  ['Nursing', 'nursing'],
  ['MBA', 'mba'],
  ['Law', 'law'],
  ['MSc Data Science', 'data-science-ai'],
  ['Business & Management', 'business-management'],
  ['Underwater Basket Weaving', null],
] as const;

describe.each(SUBJECTS)('the knowledge-base writer on %j', (subject, subjectId) => {
  it('writes all ten sections, cited, valid, with the facts file’s figures', async () => {
    const { result, events } = await write(input(subject));
    const { content, citations, metadata } = result;
    expect(validateReport(content, citations)).toEqual([]);

    // Every section present and non-empty.
    for (const key of SECTION_KEYS) expect(sectionMarkdown(content, key).trim()).not.toBe('');
    expect(content.executive_summary.length).toBeGreaterThanOrEqual(5);
    expect(content.executive_summary.length).toBeLessThanOrEqual(10);
    for (const bullet of content.executive_summary)
      if (!bullet.includes(NOT_AVAILABLE) && !bullet.startsWith('**Assumed:**')) expect(bullet).toMatch(/\[\d+\]/);

    // Every [n] resolves; the citations are exactly 1..n in the order the text first cites them.
    const cited = citedNumbers(reportText(content));
    expect(cited).toEqual(citations.map((_, index) => index + 1));
    expect(citations.map((c) => c.id)).toEqual(cited);
    for (const citation of citations) {
      expect(citation.url).toMatch(/^https?:\/\//);
      expect(citation.title).not.toBe('');
      expect(citation.accessed_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(citation.relevant_excerpt).toBeNull();
      // Two files may hold the same page under different titles (the GOV.UK appendix): match both.
      const source = allSources.find((s) => s.url === citation.url && s.title === citation.title)!;
      expect(source).toBeDefined();
      expect(citation).toMatchObject({ title: source.title, accessed_date: source.accessed });
      expect(content.sources).toContain(
        `[${citation.id}] ${source.title} — ${source.publisher}. ${source.url} (accessed ${source.accessed})`,
      );
    }

    // The figures, as the facts file gives them; the visa fee once, in the money table (not again under the visa).
    expect(content.visa_immigration).not.toContain('**Fee:**');
    expect(content.estimated_costs.living_costs).toContain(pounds('visa-maintenance-london'));
    expect(content.estimated_costs.living_costs).toContain(pounds('visa-maintenance-outside-london'));
    expect(content.estimated_costs.living_costs).toContain(pounds('ihs-student-rate'));
    expect(content.visa_immigration).toContain(`${/\d+/.exec(fact('work-20-hours-degree').value!)![0]} hours a week`);
    // The work rules while studying are stated once, under the visa; the fallback section is out-of-field jobs.
    expect(content.visa_immigration).toContain(pounds('fallback-nlw-2026'));
    expect(content.visa_immigration).toContain('20 hours a week');
    expect(content.post_study_work).toContain(`${/^\d+ years/.exec(fact('graduate-length-current').value!)![0]}`);
    expect(content.post_study_work).toContain(fact('graduate-18-months').value);
    expect(content.post_study_work).toContain(
      longDate(new Date(`${fact('graduate-18-months').effective_from!}T00:00:00Z`)),
    );
    expect(content.post_study_work).toContain(pounds('sw-general-threshold'));
    expect(content.estimated_costs.living_costs).toContain(
      `Student visa fee: ${fact('visa-fee-student-outside-uk').value}`,
    );

    // The knowledge base's as-of date is shown.
    expect(content.knowledge_base_as_of).toBe(facts.as_of);
    expect(content.sources).toContain(`(${facts.as_of})`);
    expect(metadata).toMatchObject({ provider: 'knowledge-base', model: `uk-facts@${facts.as_of}`, tokens_used: 0 });

    // The stream is the content.
    const streamed = new Map<string, string>();
    for (const event of events)
      if (event.type === 'delta') streamed.set(event.key, (streamed.get(event.key) ?? '') + event.text);
    for (const key of SECTION_KEYS) expect(streamed.get(key)).toBe(sectionMarkdown(content, key));
  });

  it('writes the subject’s own fees, its mapped occupations with SOC codes and pay, or says they are not available', async () => {
    const { content } = (await write(input(subject))).result;
    const entry = facts.subjects.find((s) => s.id === subjectId);
    const mapEntry = input(subject).retrieval.mapEntry;
    if (entry && mapEntry) {
      const { ug, pg_taught: pgt } = entry.tuition_gbp_per_year_international;
      for (const range of [ug, pgt]) {
        if (range) expect(content.estimated_costs.tuition_ranges).toContain(`${gbp(range[0])}–${gbp(range[1])}`);
      }
      for (const degree of mapEntry.typical_degrees) expect(content.study_options).toContain(degree);
      for (const soc of mapEntry.soc_codes) {
        const occupation = kb.occupations.occupations.find((o) => o.soc === soc)!;
        expect(content.job_prospects_in_field).toContain(`SOC ${soc} ${occupation.title}`);
        if (occupation.going_rate_gbp)
          expect(content.job_prospects_in_field).toContain(`Going rate ${gbp(occupation.going_rate_gbp)} a year`);
      }
      for (const role of distinctRoles(entry.fallback_roles, MAX_FALLBACK_ROLES))
        expect(content.fallback_job_prospects).toContain(`**${role.title}:**`);
      if (mapEntry.regulator) expect(content.job_prospects_in_field).toContain(mapEntry.regulator.route.slice(0, 40));
      for (const body of mapEntry.professional_bodies) expect(content.job_prospects_in_field).toContain(body.name);
    } else {
      expect(content.estimated_costs.tuition_ranges).toContain(`**“${subject}”:** no subject-specific figure`);
      expect(content.job_prospects_in_field).toContain(
        `In-field roles and salaries for “${subject}”: ${NOT_AVAILABLE}.`,
      );
      expect(content.study_options).toContain(`**Courses for “${subject}”:** ${NOT_AVAILABLE}.`);
      expect(content.executive_summary.find((b) => !b.startsWith('**Assumed:**'))).toContain(NOT_AVAILABLE);
      expect(content.job_prospects_in_field).not.toContain('(SOC ');
    }
  });
});

describe('the knowledge-base writer’s action plan and dates', () => {
  it('dates the 30/60/90-day plan from input.now', async () => {
    const { content } = (await write(input('Nursing'))).result;
    const plus = (days: number): string => longDate(new Date(NOW.getTime() + days * 86_400_000));
    expect(content.action_plan['30_days']).toContain(`**By ${plus(30)} (day 30)**`);
    expect(content.action_plan['60_days']).toContain(`**By ${plus(60)} (day 60)**`);
    expect(content.action_plan['90_days']).toContain(`**By ${plus(90)} (day 90)**`);
    expect(plus(30)).toBe('26 December 2026');
    // No intake given: September 2027 is assumed; the visa window (1 March 2027) opens after day 90.
    expect(content.action_plan['90_days']).toMatch(
      /Hold the money for 28 days: from 1 February 2027 \(by 28 February 2027\) (\[\d+\])+\./,
    );
    // The key dates go on from the steps the periods list (not repeated) to the Graduate application, after the
    // 2-year pre-registration MSc the knowledge base records for Nursing at the assumed (taught master's) level.
    expect(content.action_plan['90_days']).toMatch(
      /\*\*Key dates after that\*\*[\s\S]*\*\*1 March 2027 to 1 September 2027:\*\* Apply for the Student visa[\s\S]*\*\*31 August 2029:\*\* Course ends[\s\S]*\*\*1 September 2029 to 31 December 2029:\*\* Graduate visa application/,
    );
    expect(content.action_plan['90_days']).not.toMatch(/\*\*1 February 2027 to 28 February 2027:\*\* Hold the money/);
    for (const period of ['30_days', '60_days', '90_days'] as const)
      expect(content.action_plan[period]).not.toContain('Apply for the Student visa (CAS first): from');
  });

  it('states the Graduate rule in force on input.now, and the change ahead only before it', async () => {
    const before = (await write(input('Law', new Date('2026-12-31T12:00:00Z')))).result.content;
    expect(before.post_study_work).toContain(
      '- **Graduate visa for your application (from 1 September 2028):** For Graduate visa applications made on or after 1 January 2027',
    );
    expect(before.post_study_work).not.toContain('currently lasts 2 years');
    // The change is stated once, with its date, under Post-Study Work (not again in the dated changes).
    expect(before.risks_reality_check).not.toContain('**1 January 2027:** the Graduate visa for bachelor');
    const after = (await write(input('Law', new Date('2027-01-01T00:00:00Z')))).result.content;
    expect(after.post_study_work).toContain(
      '- **Graduate visa for applications made today:** For Graduate visa applications',
    );
    expect(after.post_study_work).not.toContain('currently lasts 2 years');
    expect(after.risks_reality_check).not.toContain('**1 January 2027:**');
    expect(after.executive_summary.join('\n')).toContain('a Graduate visa applied for then lasts 18 months');
  });

  it('leaves low-confidence facts out and adds subject-specific facts by topic', async () => {
    const mba = (await write(input('MBA'))).result.content;
    expect(reportText(mba)).not.toContain('low confidence');
    expect(reportText(mba)).not.toContain(fact('tuition-mba').statement.slice(0, 40));
    const nursing = (await write(input('Nursing'))).result.content;
    expect(nursing.job_prospects_in_field).toContain('**Specific to Nursing**');
    const translation = composeReport({
      subject: 'Translation Studies',
      retrieval: retrieve(kb, {
        subject: 'Translation Studies',
        subjectId: 'others-in-language-and-area-studies',
        on: NOW,
      }),
      now: NOW,
    }).content;
    // A map subject's extra is a rule its jobs fall under, not a fact about the subject.
    expect(translation.job_prospects_in_field).toContain("**Also relevant to Translation Studies graduates' jobs**");
    expect(translation.job_prospects_in_field).not.toContain('Specific to');
    expect(nursing.job_prospects_in_field).toContain(fact('job-nhs-band5-2026').statement.slice(0, 60));
    expect(nursing.study_options).toContain('IELTS Academic 7.0');
  });
});

describe('the knowledge-base writer for a subject reached through its parent group', () => {
  it('says so at the top of the job section, with the group’s jobs', async () => {
    const retrieval = retrieve(kb, {
      subject: 'Coral Reef Studies',
      subjectId: 'biosciences-non-specific',
      matchedVia: 'parent',
      on: NOW,
    });
    const { content } = (await write({ subject: 'Coral Reef Studies', retrieval, now: NOW })).result;
    expect(retrieval.coverage.level).toBe('general');
    expect(content.job_prospects_in_field.split('\n')[0]).toBe(`_${retrieval.coverage.note}_`);
    expect(content.job_prospects_in_field).toMatch(/- SOC \d{4} /);
  });
});

describe('the knowledge-base writer’s stream', () => {
  it('starts with the executive summary, keeps the contract’s order, and streams each section in small deltas', async () => {
    const { events } = await write(input('Computer Science'));
    expect(events[0]).toEqual({ type: 'section', key: 'executive_summary', title: 'Executive Summary' });
    const sections = events.filter((e) => e.type === 'section').map((e) => e.key);
    expect(sections).toEqual([...SECTION_KEYS]);
    let current: string | null = null;
    const deltasPerSection = new Map<string, number>();
    for (const event of events) {
      if (event.type === 'section') current = event.key;
      else {
        expect(event.key).toBe(current);
        expect(event.text.trim().split(/\s+/).length).toBeLessThanOrEqual(WORDS_PER_DELTA);
        deltasPerSection.set(event.key, (deltasPerSection.get(event.key) ?? 0) + 1);
      }
    }
    for (const key of SECTION_KEYS) expect(deltasPerSection.get(key)).toBeGreaterThan(3);
  });

  // How fast the first section comes is a speed target: `npm run bench -- reports` prints it beside its floor.
  it('opens with a section before any delta, records its first-token time, and paces deltas with the default delay', async () => {
    const kinds: string[] = [];
    const times: number[] = [];
    const result = await createKnowledgeBaseWriter().write(input('Data Science'), (event) => {
      kinds.push(event.type);
      if (event.type === 'delta') times.push(performance.now());
    });
    expect(kinds[0]).toBe('section');
    expect(kinds).toContain('delta');
    expect(result.metadata.first_token_ms).toBeGreaterThanOrEqual(0);
    expect(result.metadata.duration_ms).toBeGreaterThanOrEqual(result.metadata.first_token_ms);
    const spanMs = times.at(-1)! - times[0];
    expect(spanMs).toBeGreaterThanOrEqual(times.length - 1); // at least ~1 ms between deltas
  });

  it('yields to the event loop between deltas', async () => {
    let deltas = 0;
    let deltasWhenTimerRan = -1;
    setImmediate(() => (deltasWhenTimerRan = deltas));
    await createKnowledgeBaseWriter({ deltaDelayMs: 0 }).write(input('Law'), (event) => {
      if (event.type === 'delta') deltas += 1;
    });
    expect(deltasWhenTimerRan).toBeGreaterThanOrEqual(0);
    expect(deltasWhenTimerRan).toBeLessThan(5);
  });
});

describe('the knowledge-base writer’s failures', () => {
  it.each([0, 2])('stops with WriterError "aborted" when the signal aborts mid-stream (delay %i ms)', async (delay) => {
    const controller = new AbortController();
    const events: WriterEvent[] = [];
    const writing = createKnowledgeBaseWriter({ deltaDelayMs: delay }).write(
      { ...input('Computer Science'), signal: controller.signal },
      (event) => {
        events.push(event);
        if (events.length === 4) controller.abort();
      },
    );
    await expect(writing).rejects.toMatchObject({ name: 'WriterError', reason: 'aborted' });
    expect(events).toHaveLength(4);
  });

  it('stops at a section boundary too, and never starts with an already-aborted signal', async () => {
    const controller = new AbortController();
    const events: WriterEvent[] = [];
    const writer = createKnowledgeBaseWriter({ deltaDelayMs: 0 });
    const writing = writer.write({ ...input('Law'), signal: controller.signal }, (event) => {
      events.push(event);
      if (event.type === 'section' && event.key === 'study_options') controller.abort();
    });
    await expect(writing).rejects.toMatchObject({ reason: 'aborted', studentMessage: expect.any(String) as string });
    expect(events.at(-1)).toMatchObject({ type: 'section', key: 'study_options' });

    const emitted: WriterEvent[] = [];
    await expect(
      writer.write({ ...input('Law'), signal: AbortSignal.abort() }, (event) => emitted.push(event)),
    ).rejects.toMatchObject({ reason: 'aborted' });
    expect(emitted).toEqual([]);
  });

  it('refuses to write a report that would cite nothing', async () => {
    const empty: WriterInput = {
      ...input('Underwater Basket Weaving'),
      retrieval: { ...input('x').retrieval, facts: [], sources: [] },
    };
    const emitted: WriterEvent[] = [];
    await expect(createKnowledgeBaseWriter().write(empty, (event) => emitted.push(event))).rejects.toMatchObject({
      name: 'WriterError',
      reason: 'invalid_output',
    });
    expect(emitted).toEqual([]);
  });

  it('says "Information not available" wherever a fact was not retrieved', async () => {
    const full = input('Computer Science');
    const kept = new Set(['visa-fee-student-outside-uk', 'ihs-student-rate', 'work-20-hours-degree']);
    const entry = full.retrieval.subjectEntry!;
    const retrieval = {
      ...full.retrieval,
      subjectEntry: { ...entry, fallback_roles: [] },
      facts: full.retrieval.facts.filter((f) => kept.has(f.id) || f.id.startsWith('subject:')),
    };
    const { content, citations } = (await write({ ...full, retrieval })).result;
    expect(validateReport(content, citations)).toEqual([]);
    expect(content.executive_summary).toHaveLength(7);
    expect(content.executive_summary).toContain(
      `**Money to show for living costs (outside London):** ${NOT_AVAILABLE}.`,
    );
    expect(content.executive_summary).toContain(`**Key deadline:** ${NOT_AVAILABLE}.`);
    expect(content.executive_summary[1]).toBe(
      `**Computer Science:** ${NOT_AVAILABLE} on the jobs or pay for this field in the knowledge base.`,
    );
    expect(content.estimated_costs.tuition_ranges).toContain('**Computer Science:** no subject-specific figure');
    expect(content.post_study_work).toContain(`**Graduate visa:** ${NOT_AVAILABLE}.`);
    expect(content.job_prospects_in_field).toContain(`- ${NOT_AVAILABLE}.`);
    expect(content.fallback_job_prospects).not.toContain('Jobs students commonly take');
    expect(content.estimated_costs.living_costs).toContain(fact('visa-fee-student-outside-uk').value);
  });

  it('writes fallback roles in plain words, without notes on how a figure was compiled', async () => {
    const full = input('Law');
    const entry = full.retrieval.subjectEntry!;
    const retrieval = {
      ...full.retrieval,
      subjectEntry: {
        ...entry,
        fallback_roles: [
          { title: 'Library assistant', typical_pay: '£12.71/h' },
          {
            title: 'Tutor',
            typical_pay: '≈£15–£30/h (low confidence)',
            notes: 'Agency pay is approximate (from memory).',
          },
        ],
      },
    };
    const { content } = (await write({ ...full, retrieval })).result;
    expect(content.fallback_job_prospects).toMatch(/- \*\*Library assistant:\*\* £12\.71\/h (\[\d+\])+\./);
    expect(content.fallback_job_prospects).toMatch(
      /- \*\*Tutor:\*\* ≈£15–£30\/h \(not confirmed\)\. Agency pay is approximate (\[\d+\])+\./,
    );
    for (const word of ['from memory', 'derived', 'third-party', 'verify', 'low confidence']) {
      expect(reportText(content)).not.toContain(word);
    }
  });

  it('quotes an undated Graduate change as it is and cites fallback pay to the subject when the pay floor is missing', async () => {
    const full = input('Nursing');
    const retrieval = {
      ...full.retrieval,
      facts: full.retrieval.facts
        .filter((f) => f.id !== 'fallback-nlw-2026')
        .map((f) =>
          f.id === 'graduate-18-months' ? { ...f, effectiveFrom: undefined, statement: 'Undated change' } : f,
        ),
    };
    const { content, citations } = (await write({ ...full, retrieval })).result;
    expect(validateReport(content, citations)).toEqual([]);
    expect(content.post_study_work).toMatch(
      /\*\*Graduate visa:\*\* A Graduate visa currently lasts[^\n]*Undated change (\[\d+\])+\./,
    );
    expect(content.fallback_job_prospects).toContain('Jobs students commonly take');
    expect(content.visa_immigration).toContain(`**Pay floor:** ${NOT_AVAILABLE}.`);
  });
});

describe('chunkText and withMarker', () => {
  it('cuts text into pieces of a few words that join back exactly', () => {
    const text =
      '  ### Tuition Ranges\n\n- **A:** one two three four.\n- five  six\tseven eight nine ten eleven twelve thirteen\n';
    const chunks = chunkText(text, 3);
    expect(chunks.join('')).toBe(text);
    expect(chunks.every((chunk) => chunk.trim().split(/\s+/).length <= 3)).toBe(true);
    expect(chunkText('')).toEqual([]);
  });

  it('puts markers before the closing stop, adding one where it is missing', () => {
    expect(withMarker('Fees rise.', '[1]')).toBe('Fees rise [1].');
    expect(withMarker('Is it allowed?', '[2][3]')).toBe('Is it allowed [2][3]?');
    expect(withMarker(' No stop ', '[4]')).toBe('No stop [4].');
  });
});
