/** GraphQL type → the type exported by src/mappers.ts that resolvers receive as parent. */
export const mappers: Record<string, string> = {
  Tenant: 'TenantRef',
  Conversation: 'ConversationRef',
  Model: 'ModelRecord',
  Provider: 'ProviderRecord',
  RoutingPolicy: 'RoutingPolicyRecord',
};
