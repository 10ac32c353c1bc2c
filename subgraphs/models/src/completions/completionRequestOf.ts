import type { PlatformEvent } from '../../../kit/src/bus/PlatformEvent.ts';
import { isUuid } from '../../../kit/src/isUuid.ts';
import type { ChatMessage } from '../providers/ProviderClient.ts';
import { toChatMessages } from './toChatMessages.ts';

/** A `completion.requested` event (published by the conversations subgraph), checked. */
export interface CompletionRequest {
  eventId: string;
  tenantId: string;
  conversationId: string;
  userMessageId: string | null;
  /** The reply's id: tokens stream under it, and conversations stores the reply under it. */
  assistantMessageId: string;
  /** The conversation's pinned model, or null. */
  modelId: string | null;
  messages: ChatMessage[];
}

/** The request, or a string saying what is wrong (retrying would fail the same way). */
export function completionRequestOf(event: PlatformEvent): CompletionRequest | string {
  if (!isUuid(event.id)) return 'event id is not a UUID';
  if (!isUuid(event.tenantId)) return 'tenantId is not a UUID';
  const { conversationId, userMessageId, assistantMessageId, modelId, messages } = event.data;
  if (!isUuid(conversationId)) return 'data.conversationId is not a UUID';
  if (!isUuid(assistantMessageId)) return 'data.assistantMessageId is not a UUID';
  if (modelId !== null && modelId !== undefined && !isUuid(modelId)) return 'data.modelId is neither null nor a UUID';
  const chat = toChatMessages(messages);
  if (!chat || chat.length === 0) return 'data.messages is not a non-empty list of { role, content }';
  return {
    eventId: event.id,
    // As sent: conversations subscribes and stores under exactly these ids.
    tenantId: event.tenantId,
    conversationId,
    userMessageId: isUuid(userMessageId) ? userMessageId : null,
    assistantMessageId,
    modelId: typeof modelId === 'string' ? modelId.toLowerCase() : null,
    messages: chat,
  };
}
