/**
 * Where each catalogue subject (see `subjects.ts`) sits in the subject map. Data only. A catalogue id that is also a
 * map id needs no line here. `parent` marks a subject the map has no entry of its own for: the report covers the
 * map entry of its nearest parent group, and says so.
 */

/** How a catalogue subject reaches the map. */
export interface MapLink {
  readonly mapId: string;
  readonly via: 'entry' | 'parent';
}

const entry = (mapId: string): MapLink => ({ mapId, via: 'entry' });
const parent = (mapId: string): MapLink => ({ mapId, via: 'parent' });

/** Catalogue id → map entry, for catalogue ids that are not map ids themselves. */
export const MAP_LINKS: Readonly<Record<string, MapLink>> = {
  'data-science-ai': entry('data-science'),
  business: entry('business-management'),
  management: entry('business-management'),
  'human-resource-management': entry('human-resources'),
  'supply-chain-management': entry('supply-chain-logistics'),
  engineering: entry('engineering-non-specific'),
  'electrical-engineering': entry('electrical-electronic-engineering'),
  'electronic-engineering': entry('electrical-electronic-engineering'),
  'automotive-engineering': entry('mechanical-engineering'),
  'biomedical-engineering': entry('bioengineering-medical-and-biomedical-engineering'),
  'petroleum-engineering': entry('chemical-engineering'),
  'accounting-finance': entry('accounting'),
  'economics-finance': entry('economics'),
  'global-health': entry('public-health'),
  epidemiology: entry('public-health'),
  'healthcare-management': parent('public-health'),
  'health-economics': parent('economics'),
  'health-social-care': entry('health-studies'),
  'biotechnology-life-sciences': entry('biotechnology'),
  'life-sciences': entry('biology'),
  microbiology: entry('microbiology-and-cell-science'),
  'molecular-biology': entry('biochemistry'),
  bioinformatics: parent('biology'),
  'hospitality-tourism': entry('hospitality'),
  'hospitality-management': entry('hospitality'),
  'events-management': entry('hospitality'),
  'culinary-arts': parent('hospitality'),
  'modern-languages': entry('others-in-language-and-area-studies'),
  french: entry('french-studies'),
  german: entry('german-and-scandinavian-studies'),
  spanish: entry('iberian-studies'),
  portuguese: entry('iberian-studies'),
  italian: entry('italian-studies'),
  chinese: entry('asian-studies'),
  japanese: entry('asian-studies'),
  korean: entry('asian-studies'),
  arabic: entry('african-and-modern-middle-eastern-studies'),
  russian: entry('slavic-studies'),
  'art-design': entry('creative-arts-and-design-non-specific'),
  'product-design': parent('graphic-design'),
  animation: entry('computer-games-and-animation'),
  'game-design': entry('computer-games-and-animation'),
  photography: parent('film'),
  fashion: entry('fashion-design'),
  english: entry('english-literature'),
  'forensic-science': entry('forensic-and-archaeological-sciences'),
  geology: entry('earth-sciences'),
  'history-of-art': entry('history-of-art-architecture-and-design'),
  'international-development': entry('development-studies'),
  translation: entry('others-in-language-and-area-studies'),
  'public-relations': entry('publicity-studies'),
  'speech-language-therapy': entry('speech-and-language-therapy'),
  ppe: parent('politics'),
  'public-policy': entry('social-policy'),
  'sport-management': entry('sports-management'),
  'actuarial-science': entry('finance'),
  theology: entry('theology-and-religious-studies'),
  'natural-sciences': entry('natural-sciences-non-specific'),
  'liberal-arts': entry('liberal-arts-non-specific'),
  'real-estate': parent('construction-management'),
  aviation: entry('aviation-management'),
  'american-studies': entry('american-and-australasian-studies'),
  teaching: entry('education-teaching'),
  'international-business': entry('international-business'),
  orthodontics: parent('dentistry'),
  'dental-hygiene-therapy': parent('dentistry'),
  'nursing-associate': parent('nursing'),
  'computing-specialisms': parent('computer-science'),
  'physician-associate': parent('medicine'),
  'operating-department-practice': parent('paramedic-science'),
};
