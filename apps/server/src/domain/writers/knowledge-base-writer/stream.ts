import { setImmediate, setTimeout } from 'node:timers/promises';

/** Words per `delta` event: about a sentence at a time, so the live view grows steadily without flooding the stream. */
export const WORDS_PER_DELTA = 12;

/** Cuts text into pieces of a few words that, joined, give the text back exactly (whitespace included). */
export function chunkText(text: string, wordsPerChunk = WORDS_PER_DELTA): string[] {
  const words = text.match(/\s*\S+\s*/g) ?? [];
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerChunk) chunks.push(words.slice(i, i + wordsPerChunk).join(''));
  return chunks;
}

/** Yields to the event loop (`delayMs` 0) or waits `delayMs`; rejects with an AbortError when `signal` aborts. */
export async function pause(delayMs: number, signal?: AbortSignal): Promise<void> {
  if (delayMs > 0) await setTimeout(delayMs, undefined, { signal });
  else await setImmediate(undefined, { signal });
}
