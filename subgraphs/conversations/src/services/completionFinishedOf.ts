import type { PlatformEvent } from '../../../kit/src/bus/PlatformEvent.ts';
import { isUuid } from '../../../kit/src/isUuid.ts';

/** The part of `completion.finished` (published by the models subgraph) this subgraph stores. */
export interface CompletionFinished {
  tenantId: string;
  conversationId: string;
  /** The assistantMessageId of the request: the reply is stored under it, once. */
  messageId: string;
  content: string;
  modelId: string | null;
  completionTokens: number;
  costUsd: number;
  failed: boolean;
}

/** Replies longer than this are cut (models bounds its completions far below it; this guards the store). */
export const MAX_REPLY_LENGTH = 200_000;

/** The event's data, checked; a string saying what is wrong otherwise (retrying would fail the same way). */
export function completionFinishedOf(event: PlatformEvent): CompletionFinished | string {
  if (!isUuid(event.tenantId)) return 'tenantId is not a UUID';
  const { conversationId, messageId, content, modelId, completionTokens, costUsd, failed } = event.data;
  if (!isUuid(conversationId)) return 'data.conversationId is not a UUID';
  if (!isUuid(messageId)) return 'data.messageId is not a UUID';
  if (typeof content !== 'string' || content.length === 0) return 'data.content is not a non-empty string';
  if (modelId !== null && modelId !== undefined && !isUuid(modelId)) return 'data.modelId is neither null nor a UUID';
  const tokens = typeof completionTokens === 'number' && Number.isSafeInteger(completionTokens) && completionTokens >= 0 ? completionTokens : 0;
  const cost = typeof costUsd === 'number' && Number.isFinite(costUsd) && costUsd >= 0 ? costUsd : 0;
  return {
    tenantId: event.tenantId,
    conversationId,
    messageId,
    content: content.length > MAX_REPLY_LENGTH ? content.slice(0, MAX_REPLY_LENGTH) : content,
    modelId: typeof modelId === 'string' ? modelId.toLowerCase() : null,
    completionTokens: tokens,
    costUsd: cost,
    failed: failed === true,
  };
}
