import { describe, expect, it } from 'vitest';
import { SseEventTooLargeError, createSseDecoder } from '../src/providers/createSseDecoder.ts';
import type { SseEvent } from '../src/providers/createSseDecoder.ts';
import { readSseEvents } from '../src/providers/readSseEvents.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Feeds the stream in the given pieces (byte offsets) and returns every event. */
function decodeInPieces(stream: Uint8Array, cuts: number[]): SseEvent[] {
  const decoder = createSseDecoder();
  const events: SseEvent[] = [];
  let start = 0;
  for (const cut of [...cuts, stream.length]) {
    events.push(...decoder.push(stream.subarray(start, cut)));
    start = cut;
  }
  events.push(...decoder.end());
  return events;
}

// Mixed line endings, a comment, multi-line data, named events, ids and multi-byte UTF-8 (2, 3 and 4 bytes).
const mixed = bytes(
  ': keep-alive comment\r\n' +
    'data: {"text":"Grüße"}\r\n\r\n' +
    'event: delta\rdata: 日本\rdata: second line\r\r' +
    'id: 7\ndata: 👋 wave\n\n' +
    'data:no space\ndata:  two spaces\n\n',
);
const expected: SseEvent[] = [
  { event: 'message', data: '{"text":"Grüße"}', id: undefined },
  { event: 'delta', data: '日本\nsecond line', id: undefined },
  { event: 'message', data: '👋 wave', id: '7' },
  { event: 'message', data: 'no space\n two spaces', id: '7' },
];

describe('SSE decoder', () => {
  it('decodes comments, CRLF/CR/LF, multi-line data, event names and ids', () => {
    expect(decodeInPieces(mixed, [])).toEqual(expected);
  });

  it('gives the same events wherever the network splits the bytes (inside CRLF, inside a UTF-8 character)', () => {
    for (let cut = 1; cut < mixed.length; cut++) {
      expect(decodeInPieces(mixed, [cut]), `split at byte ${cut}`).toEqual(expected);
    }
    const everyByte = Array.from({ length: mixed.length - 1 }, (_, i) => i + 1);
    expect(decodeInPieces(mixed, everyByte)).toEqual(expected);
  });

  it('treats a CR at the end of one piece and an LF at the start of the next as one newline', () => {
    const events = decodeInPieces(bytes('data: a\r\ndata: b\r\n\r\n'), [8]);
    expect(events).toEqual([{ event: 'message', data: 'a\nb', id: undefined }]);
  });

  it('drops a byte-order mark so the first field is still recognised', () => {
    expect(decodeInPieces(bytes('\uFEFFdata: x\n\n'), [1])).toEqual([{ event: 'message', data: 'x', id: undefined }]);
  });

  it('dispatches an empty data line but not an event with no data at all', () => {
    expect(decodeInPieces(bytes('event: ping\n\ndata\n\ndata:\n\n'), [])).toEqual([
      { event: 'message', data: '', id: undefined },
      { event: 'message', data: '', id: undefined },
    ]);
  });

  it('discards an event cut off before its blank line, as the standard says, and reports it pending', () => {
    const decoder = createSseDecoder();
    expect(decoder.push(bytes('data: complete\n\ndata: cut off\n'))).toHaveLength(1);
    expect(decoder.pending).toBe(true);
    expect(decoder.end()).toEqual([]);
  });

  it('refuses an event larger than the limit, even one that never ends its line', () => {
    const decoder = createSseDecoder({ maxEventSize: 64 });
    expect(() => decoder.push(bytes(`data: ${'x'.repeat(100)}\n`))).toThrow(SseEventTooLargeError);
    const endless = createSseDecoder({ maxEventSize: 64 });
    expect(() => {
      for (let i = 0; i < 10; i++) endless.push(bytes('y'.repeat(10)));
    }).toThrow(SseEventTooLargeError);
  });

  it('reads events from a byte stream', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('data: one\n'));
        controller.enqueue(bytes('\ndata: tw'));
        controller.enqueue(bytes('o\n\n'));
        controller.close();
      },
    });
    const events: string[] = [];
    for await (const event of readSseEvents(body)) events.push(event.data);
    expect(events).toEqual(['one', 'two']);
  });
});
