/** The report's ten sections: defined once in the wire contract, with the writers' "not available" literal. */
export { SECTION_KEYS, SECTIONS, type SectionDefinition, type SectionKey } from '@uksmr/contract';

/** The literal a writer uses where the knowledge base holds nothing for a point. */
export const NOT_AVAILABLE = 'Information not available';
