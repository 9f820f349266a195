import { changesBetween } from './dated-rules.js';
import type { KnowledgeBase } from './schema.js';

/** What `kb:check` reports: what is old, never read, changed since `as_of`, or not cross-checked. */
export interface FreshnessReport {
  readonly today: string;
  readonly maxAgeDays: number;
  /** Sources (all three files) last accessed more than `maxAgeDays` before `today`: `file: id (accessed)`. */
  readonly staleSources: readonly string[];
  /** Facts whose newest source was accessed more than `maxAgeDays` before `today`. */
  readonly staleFacts: readonly string[];
  /** Sources whose text was never read (`text_checked: false`). */
  readonly uncheckedSources: readonly string[];
  /** Rules that started or ended after the data's `as_of` and on or before `today`: the data may be out of date. */
  readonly passedChanges: readonly string[];
  /** SOC codes with no cross-check: no record of one, or neither the two GOV.UK copies nor a third party agree. */
  readonly uncrossChecked: readonly string[];
}

const DAY_MS = 86_400_000;

function ageDays(day: string, today: string): number {
  return Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / DAY_MS);
}

/** Checks the knowledge base's freshness on `today` (ISO) against `maxAgeDays`. Pure. */
export function checkFreshness(kb: KnowledgeBase, today: string, maxAgeDays: number): FreshnessReport {
  const files = [
    ['uk-facts.json', kb.sources],
    ['uk-occupations.json', kb.occupations.sources],
    ['uk-subject-map.json', kb.subjectMap.sources],
  ] as const;
  const all = files.flatMap(([file, sources]) => sources.map((source) => ({ file, source })));
  const accessed = new Map(kb.sources.map((s) => [s.id, s.accessed]));
  const staleFacts = kb.facts.flatMap((fact) => {
    const newest = fact.source_ids
      .map((id) => accessed.get(id)!)
      .sort()
      .at(-1)!;
    return ageDays(newest, today) > maxAgeDays ? [`${fact.id} (newest source accessed ${newest})`] : [];
  });
  const uncrossChecked = kb.occupations.occupations
    .filter(
      (o) => !o.cross_checked || (!o.cross_checked.gov_copies_agree && o.cross_checked.third_party_agree.length === 0),
    )
    .map((o) => o.soc);
  return {
    today,
    maxAgeDays,
    staleSources: all
      .filter(({ source }) => ageDays(source.accessed, today) > maxAgeDays)
      .map(({ file, source }) => `${file}: ${source.id} (accessed ${source.accessed})`),
    staleFacts,
    uncheckedSources: all
      .filter(({ source }) => !source.text_checked)
      .map(({ file, source }) => `${file}: ${source.id} — ${source.url}`),
    passedChanges: changesBetween(kb, kb.as_of, today).map((c) => `${c.date} ${c.kind}: ${c.id}`),
    uncrossChecked,
  };
}

/** The report as text for an operator: one heading per check, a count, then one item a line. */
export function formatFreshness(report: FreshnessReport): string {
  const block = (title: string, items: readonly string[]): string =>
    [`${title}: ${items.length}`, ...items.map((item) => `  - ${item}`)].join('\n');
  return [
    `Knowledge-base check on ${report.today} (older than ${report.maxAgeDays} days counts as stale)`,
    block('Sources older than the limit', report.staleSources),
    block('Facts whose newest source is older than the limit', report.staleFacts),
    block('Sources whose text was never checked', report.uncheckedSources),
    block('Dated changes that have passed since as_of (update the facts they touch)', report.passedChanges),
    `Occupations without a cross-check: ${report.uncrossChecked.length}\n  ${report.uncrossChecked.join(' ')}`,
  ].join('\n\n');
}

/** Reads `--today YYYY-MM-DD` and `--max-age-days N` (defaults: the clock's day, 180). */
export function freshnessOptions(argv: readonly string[], now: Date): { today: string; maxAgeDays: number } {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const today = value('--today') ?? now.toISOString().slice(0, 10);
  const maxAgeDays = Number(value('--max-age-days') ?? 180);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today)))
    throw new Error(`--today: expected YYYY-MM-DD, got "${today}"`);
  if (!Number.isInteger(maxAgeDays) || maxAgeDays < 0)
    throw new Error('--max-age-days: expected a whole number of days');
  return { today, maxAgeDays };
}
