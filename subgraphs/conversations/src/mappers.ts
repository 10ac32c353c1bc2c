export type { ConversationEntity } from './entities/Conversation.ts';
export type { MessageEntity } from './entities/Message.ts';
export type { MessageCompletedEvent, MessageStreamEvent, MessageTokenEvent } from './services/messageStreamEvents.ts';

/** The tenants subgraph owns Tenant; here it is only its key, and only ever the caller's. */
export interface TenantReference {
  id: string;
}
