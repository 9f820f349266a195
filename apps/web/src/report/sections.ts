/**
 * The contract's ten sections and how a stored section reads as Markdown: one module, shared with the server
 * (pure TypeScript with no server dependencies), so the app and the stream can never disagree on titles or order.
 */
import { SECTIONS } from '../../../server/src/domain/report/sections.js';

export { SECTIONS, type SectionDefinition, type SectionKey } from '../../../server/src/domain/report/sections.js';
export { reportMarkdown, sectionMarkdown } from '../../../server/src/domain/report/render.js';

/** The title of a section key, or the key itself for one the app does not know. */
export function sectionTitle(key: string): string {
  return SECTIONS.find((section) => section.key === key)?.title ?? key;
}
