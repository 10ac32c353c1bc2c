/** GraphQL type → the type exported by src/mappers.ts that resolvers receive as parent. */
export const mappers: Record<string, string> = {
  Tenant: 'TenantReference',
  Conversation: 'ConversationEntity',
  Message: 'MessageEntity',
  MessageToken: 'MessageTokenEvent',
  MessageCompleted: 'MessageCompletedEvent',
};
