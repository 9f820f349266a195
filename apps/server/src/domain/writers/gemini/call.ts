import type { Content, GoogleGenAI } from '@google/genai';

/** The temperature of every report request: low, for a factual, grounded text. */
export const TEMPERATURE = 0.3;

/** Thrown when a call sends no text within its first-token time. */
export class FirstTokenTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no text within ${ms} ms`);
    this.name = 'FirstTokenTimeout';
  }
}

/** One streaming request to the model. */
export interface ReplyRequest {
  readonly client: GoogleGenAI;
  readonly model: string;
  readonly systemInstruction: string;
  readonly contents: Content[];
  /** Stops the call (whole-generation timeout, caller's abort). */
  readonly signal: AbortSignal;
  readonly firstTokenTimeoutMs: number;
  /** Called with each piece of text as it arrives. */
  readonly onText: (text: string) => void;
}

/** A finished reply: its whole text and the tokens the call used. */
export interface Reply {
  readonly text: string;
  readonly tokens: number;
}

/**
 * Streams one reply, passing text on as it arrives. The call fails with {@link FirstTokenTimeout}
 * when no text arrives within `firstTokenTimeoutMs`, and with the SDK's error when `signal` aborts
 * it or the provider fails. Tokens are the last `usageMetadata.totalTokenCount` seen (the
 * provider's running total for the call).
 */
export async function streamReply(request: ReplyRequest): Promise<Reply> {
  const firstToken = new AbortController();
  const timer = setTimeout(() => firstToken.abort(), request.firstTokenTimeoutMs);
  let text = '';
  let tokens = 0;
  try {
    const stream = await request.client.models.generateContentStream({
      model: request.model,
      contents: request.contents,
      config: {
        systemInstruction: request.systemInstruction,
        temperature: TEMPERATURE,
        abortSignal: AbortSignal.any([request.signal, firstToken.signal]),
      },
    });
    for await (const chunk of stream) {
      tokens = chunk.usageMetadata?.totalTokenCount ?? tokens;
      const piece = chunk.text;
      if (piece) {
        clearTimeout(timer);
        text += piece;
        request.onText(piece);
      }
    }
    return { text, tokens };
  } catch (error) {
    if (firstToken.signal.aborted && !request.signal.aborted) throw new FirstTokenTimeout(request.firstTokenTimeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
