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
];

/** Credibility of an official or primary source, and of any other (secondary) source. */
export const CREDIBILITY = { official: 0.9, secondary: 0.6 } as const;

/** 0.9 for an official or primary source (by its host), 0.6 for a secondary one. */
export function credibilityScore(url: string): number {
  const host = URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') : '';
  const official = OFFICIAL_HOSTS.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
  return official ? CREDIBILITY.official : CREDIBILITY.secondary;
}

/** A report's citations (wire shape) from its numbered sources, in number order: `id` is the `[n]` in the text. */
export function toCitations(sources: readonly NumberedSource[]): Citation[] {
  return [...sources]
    .sort((a, b) => a.n - b.n)
    .map((source) => ({
      id: source.n,
      url: source.url,
      title: source.title,
      accessed_date: source.accessedDate,
      relevant_excerpt: source.excerpt,
      credibility_score: credibilityScore(source.url),
    }));
}
