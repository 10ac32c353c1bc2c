import type { MessageRoleName } from '../entities/Message.ts';

/** How much of a conversation a completion request carries: bounded, whatever the conversation's length. */
export const COMPLETION_HISTORY_LIMITS = { messages: 20, bytes: 16 * 1024 } as const;

export interface HistoryMessage {
  role: MessageRoleName;
  content: string;
}

/**
 * The messages sent with `completion.requested`, oldest first: the most recent ones (at most 20)
 * while their contents fit in 16 KiB of UTF-8. The newest (the question being answered) is always
 * kept whole, however long (sendMessage caps it at 32,000 characters), so the event stays bounded.
 */
export function completionHistory(oldestFirst: readonly HistoryMessage[]): HistoryMessage[] {
  const kept: HistoryMessage[] = [];
  let bytes = 0;
  for (let i = oldestFirst.length - 1; i >= 0 && kept.length < COMPLETION_HISTORY_LIMITS.messages; i -= 1) {
    const { role, content } = oldestFirst[i]!;
    bytes += Buffer.byteLength(content, 'utf8');
    if (kept.length > 0 && bytes > COMPLETION_HISTORY_LIMITS.bytes) break;
    kept.push({ role, content });
  }
  return kept.reverse();
}
