import { createSseDecoder } from './createSseDecoder.ts';
import type { SseDecoderOptions, SseEvent } from './createSseDecoder.ts';

/**
 * Events of an SSE body (a fetch Response body or any byte iterable), in order. Stopping the
 * iteration early cancels the body, which closes the connection underneath.
 */
export async function* readSseEvents(
  body: AsyncIterable<Uint8Array>,
  options: SseDecoderOptions = {},
): AsyncGenerator<SseEvent, void, undefined> {
  const decoder = createSseDecoder(options);
  for await (const bytes of body) {
    yield* decoder.push(bytes);
  }
  yield* decoder.end();
}
