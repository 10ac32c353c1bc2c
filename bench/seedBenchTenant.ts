import type { Stack } from '../e2e/harness/startStack.ts';
import { request, bearer } from '../e2e/harness/graphqlClient.ts';
import { CreateTenantDocument, CreateConversationDocument, SendMessageDocument } from '../e2e/generated/graphql.ts';

/**
 * The tenant the gateway benchmarks read: 5 conversations with
 * 3 messages each, so TenantOverview fans out to every subgraph. Returns a tenant-admin token.
 */
export async function seedBenchTenant(stack: Stack): Promise<{ tenantId: string; token: string }> {
  const operator = await stack.token({ platform_admin: true }, { expiresIn: '2h' });
  const created = await request(stack.gatewayUrl, CreateTenantDocument, { input: { slug: `bench-${Date.now()}`, name: 'Bench', plan: 'ENTERPRISE' } }, bearer(operator));
  if (!created.data) throw new Error(`createTenant failed: ${JSON.stringify(created.errors)}`);
  const tenantId = created.data.createTenant.id;
  const token = await stack.token({ tenant_id: tenantId, roles: ['admin'], plan: 'ENTERPRISE' }, { expiresIn: '2h' });
  for (let c = 0; c < 5; c += 1) {
    const conv = await request(stack.gatewayUrl, CreateConversationDocument, { input: { title: `Conversation ${c}` } }, bearer(token));
    for (let m = 0; m < 3; m += 1) {
      await request(stack.gatewayUrl, SendMessageDocument, { conversationId: conv.data!.createConversation.id, content: `Message ${m}` }, bearer(token));
    }
  }
  return { tenantId, token };
}
