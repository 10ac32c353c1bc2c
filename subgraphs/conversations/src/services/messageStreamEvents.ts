import { isUuid } from '../../../kit/src/isUuid.ts';

/**
 * What travels on a conversation's live subject (`liveSubjects.conversation(tenant, conversation)`):
 * the models subgraph publishes each token of a reply as it arrives, this subgraph publishes
 * `completed` once the reply is stored. Plain JSON, lossy, never stored.
 */
export type ConversationLivePayload =
  | { type: 'token'; messageId: string; index: number; text: string }
  | { type: 'completed'; messageId: string };

/** Parents of the MessageStreamEvent union's members; `kind` is the GraphQL type name. */
export interface MessageTokenEvent {
  kind: 'MessageToken';
  messageId: string;
  index: number;
  text: string;
}

export interface MessageCompletedEvent {
  kind: 'MessageCompleted';
  /** The stored assistant message; MessageCompleted.message loads it for the subscriber's tenant. */
  messageId: string;
}

export type MessageStreamEvent = MessageTokenEvent | MessageCompletedEvent;

/** Pieces longer than this are not tokens: a malformed payload is dropped rather than forwarded. */
const MAX_TOKEN_TEXT = 32_768;

/** A live payload as a stream event, or null for anything malformed (skipped, never an error to the client). */
export function toMessageStreamEvent(payload: unknown): MessageStreamEvent | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { type, messageId, index, text } = payload as Record<string, unknown>;
  if (typeof messageId !== 'string' || !isUuid(messageId)) return null;
  if (type === 'completed') return { kind: 'MessageCompleted', messageId };
  if (type !== 'token') return null;
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0) return null;
  if (typeof text !== 'string' || text.length > MAX_TOKEN_TEXT) return null;
  return { kind: 'MessageToken', messageId, index, text };
}
