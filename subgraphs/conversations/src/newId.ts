import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit sequence, then random
 * bits. Ids made by one process sort in creation order even within one millisecond, so the keyset
 * (createdAt, id) keeps a user's message before the reply posted in the same millisecond — in
 * PostgreSQL's uuid ordering and in MongoDB's string ordering alike.
 */
export function newId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    // Start low in the sequence space so a burst within the millisecond has room to count up.
    sequence = randomBytes(2).readUInt16BE(0) & 0x3ff;
  } else {
    sequence += 1;
    if (sequence > 0xfff) {
      // More than ~3000 ids in one millisecond: borrow the next millisecond, order is kept.
      lastMs += 1;
      sequence = 0;
    }
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Ids that are not UUIDs can name no row; the kit holds the one rule every subgraph checks. */
export { isUuid } from '../../kit/src/isUuid.ts';
