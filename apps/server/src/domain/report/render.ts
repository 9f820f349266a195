/** How stored content reads as Markdown: defined once in the wire contract (the web app's "Copy as Markdown" too). */
export { reportMarkdown, sectionMarkdown } from '@uksmr/contract';
