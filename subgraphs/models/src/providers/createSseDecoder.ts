/**
 * A Server-Sent Events decoder after the WHATWG "event stream interpretation" rules, fed with raw
 * bytes in whatever pieces the network delivers: a chunk may end inside a line, between the CR and
 * LF of a CRLF, or inside a multi-byte UTF-8 character. Pure (no I/O), so every edge is unit-tested.
 */
export interface SseEvent {
  /** The `event:` field, `message` when the event named none. */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The last `id:` seen on the stream, if any. */
  id: string | undefined;
}

export interface SseDecoder {
  /** Decodes the next piece of the body and returns the events it completed. */
  push(bytes: Uint8Array): SseEvent[];
  /** Ends the stream; an event without its closing blank line is discarded, as the standard says. */
  end(): SseEvent[];
  /** Whether input is buffered that no event has consumed yet (a stream cut mid-event). */
  readonly pending: boolean;
}

/** Thrown when one event grows past the size limit, so a hostile server cannot grow our memory. */
export class SseEventTooLargeError extends Error {
  constructor(limit: number) {
    super(`an SSE event exceeded ${limit} characters`);
    this.name = 'SseEventTooLargeError';
  }
}

export interface SseDecoderOptions {
  /** Largest event (data plus the unfinished line), in characters. Default 1 MiB. */
  maxEventSize?: number;
}

const LF = 10;
const CR = 13;

export function createSseDecoder(options: SseDecoderOptions = {}): SseDecoder {
  const maxEventSize = options.maxEventSize ?? 1024 * 1024;
  // TextDecoder in streaming mode holds back a split UTF-8 sequence and drops a leading BOM.
  const decoder = new TextDecoder('utf-8');
  let partialLine = '';
  let skipLeadingLf = false; // the previous piece ended with CR: an LF starting this one is the same newline
  let eventType = '';
  let dataLines: string[] = [];
  let dataSize = 0;
  let lastEventId: string | undefined;

  const processLine = (line: string, out: SseEvent[]) => {
    if (line === '') {
      if (dataLines.length > 0) out.push({ event: eventType || 'message', data: dataLines.join('\n'), id: lastEventId });
      eventType = '';
      dataLines = [];
      dataSize = 0;
      return;
    }
    if (line.charCodeAt(0) === 58 /* ':' */) return; // a comment (servers send these as keep-alives)
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32 /* ' ' */) value = value.slice(1);
    switch (field) {
      case 'event':
        eventType = value;
        break;
      case 'data':
        dataLines.push(value);
        dataSize += value.length + 1;
        if (dataSize > maxEventSize) throw new SseEventTooLargeError(maxEventSize);
        break;
      case 'id':
        if (!value.includes('\0')) lastEventId = value;
        break;
      default:
        // `retry` and unknown fields do not concern a client that never reconnects.
        break;
    }
  };

  const feed = (text: string): SseEvent[] => {
    const out: SseEvent[] = [];
    if (text.length === 0) return out;
    let start = 0;
    if (skipLeadingLf) {
      skipLeadingLf = false;
      if (text.charCodeAt(0) === LF) start = 1;
    }
    for (let i = start; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== LF && code !== CR) continue;
      const line = partialLine + text.slice(start, i);
      partialLine = '';
      processLine(line, out);
      if (code === CR) {
        if (i + 1 < text.length) {
          if (text.charCodeAt(i + 1) === LF) i++;
        } else {
          skipLeadingLf = true;
        }
      }
      start = i + 1;
    }
    partialLine += text.slice(start);
    if (partialLine.length + dataSize > maxEventSize) throw new SseEventTooLargeError(maxEventSize);
    return out;
  };

  return {
    push: (bytes) => feed(decoder.decode(bytes, { stream: true })),
    end() {
      feed(decoder.decode());
      partialLine = '';
      eventType = '';
      dataLines = [];
      dataSize = 0;
      return [];
    },
    get pending() {
      return partialLine.length > 0 || dataLines.length > 0;
    },
  };
}
