/**
 * The contract's ten sections and how a stored section reads as Markdown, from `@uksmr/contract/plain` (plain TypeScript
 * with no Zod), so the app and the stream can never disagree on titles or order.
 */
import { SECTIONS } from '@uksmr/contract/plain';

export {
  reportMarkdown,
  SECTIONS,
  sectionMarkdown,
  type SectionDefinition,
  type SectionKey,
} from '@uksmr/contract/plain';

/** The title of a section key, or the key itself for one the app does not know. */
export function sectionTitle(key: string): string {
  return SECTIONS.find((section) => section.key === key)?.title ?? key;
}
