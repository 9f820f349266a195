/** The grounded Gemini report writer. */
export { createGeminiWriter, type GeminiWriterOptions } from './writer.js';
export { buildPrompt, type GeminiPrompt } from './prompt.js';
