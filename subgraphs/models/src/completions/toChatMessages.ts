import { chatRoles } from '../providers/ProviderClient.ts';
import type { ChatMessage, ChatRole } from '../providers/ProviderClient.ts';

export const completionMessageLimits = { messages: 50, characters: 64 * 1024 } as const;

/**
 * The `messages` of a `completion.requested` event, checked: a list of `{ role, content }` with a
 * known role (either case). Returns null for anything else, so a malformed event is rejected rather
 * than sent to a provider. Oversized histories keep their most recent messages within the limits.
 */
export function toChatMessages(value: unknown): ChatMessage[] | null {
  if (!Array.isArray(value)) return null;
  const messages: ChatMessage[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) return null;
    const { role, content } = item as { role?: unknown; content?: unknown };
    if (typeof role !== 'string' || typeof content !== 'string') return null;
    const upper = role.toUpperCase();
    if (!(chatRoles as readonly string[]).includes(upper)) return null;
    messages.push({ role: upper as ChatRole, content });
  }
  const kept: ChatMessage[] = [];
  let characters = 0;
  for (const message of messages.slice(-completionMessageLimits.messages).reverse()) {
    characters += message.content.length;
    if (characters > completionMessageLimits.characters && kept.length > 0) break;
    kept.push(message);
  }
  return kept.reverse();
}
