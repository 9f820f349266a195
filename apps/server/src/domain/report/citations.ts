import type { Citation, NumberedSource } from './types.js';

/**
 * Hosts whose pages are official or primary: government, the NHS, universities, UCAS, UKCISA and the
 * professional regulators. A citation from one of them (or a subdomain) scores higher than a secondary source.
 */
const OFFICIAL_HOSTS = [
  'gov.uk',
  'nhs.uk',
  'ac.uk',
  'ucas.com',
  'ukcisa.org.uk',
  'nmc.org.uk',
  'gmc-uk.org',
  'pharmacyregulation.org',
  'sra.org.uk',
  'barstandardsboard.org.uk',
  'arb.org.uk',
  'hcpc-uk.org',
  'engc.org.uk',
  'hesa.ac.uk',
  'service.gov.uk',
  'gdc-uk.org',
  'optical.org',
  'rcvs.org.uk',
  'socialworkengland.org.uk',
];

/**
 * Credibility by the source's class (official or primary, by its host; else secondary) and whether its text was
 * read when the facts were compiled.
 */
export const CREDIBILITY = {
  official: { checked: 0.9, unchecked: 0.8 },
  secondary: { checked: 0.6, unchecked: 0.4 },
} as const;

/** Whether a page is official or primary: government, the NHS, universities, UCAS, UKCISA, HESA, the regulators. */
export function isOfficial(url: string): boolean {
  const host = URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') : '';
  return OFFICIAL_HOSTS.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

/** The credibility score of a source: 0.9 / 0.8 for an official page (text read / not read), 0.6 / 0.4 otherwise. */
export function credibilityScore(url: string, textChecked: boolean): number {
  const level = isOfficial(url) ? CREDIBILITY.official : CREDIBILITY.secondary;
  return textChecked ? level.checked : level.unchecked;
}

/**
 * A report's citations (wire shape) from its numbered sources, in number order: `id` is the `[n]` in the text;
 * `relevant_excerpt` is a verbatim quote from the source where the knowledge base holds one, else null.
 */
export function toCitations(sources: readonly NumberedSource[]): Citation[] {
  return [...sources]
    .sort((a, b) => a.n - b.n)
    .map((source) => ({
      id: source.n,
      url: source.url,
      title: source.title,
      accessed_date: source.accessedDate,
      relevant_excerpt: source.excerpt,
      credibility_score: credibilityScore(source.url, source.textChecked),
    }));
}
