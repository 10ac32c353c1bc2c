/**
 * Type-level test: the generated resolver types are strict (codegen.ts `useIndexSignature: false`).
 * It runs in `npm run check:types` (tsc includes test/), not in vitest. Each `@ts-expect-error`
 * fails the type check if the error below it ever disappears, e.g. when an index signature makes
 * every resolver map `T & Record<string, any>` again and any key or signature type-checks.
 */
import type {
  Resolvers as TenantsResolvers,
  QueryResolvers,
  TenantResolvers,
} from '../subgraphs/tenants/src/generated/resolvers.ts';
import type { Resolvers as ConversationsResolvers } from '../subgraphs/conversations/src/generated/resolvers.ts';
import type { Resolvers as ModelsResolvers } from '../subgraphs/models/src/generated/resolvers.ts';
import type { Resolvers as IntegrationsResolvers } from '../subgraphs/integrations/src/generated/resolvers.ts';
import type { Resolvers as AnalyticsResolvers } from '../subgraphs/analytics/src/generated/resolvers.ts';
import type { Resolvers as SimulationsResolvers } from '../subgraphs/simulations/src/generated/resolvers.ts';

// A misspelled field is an error, not an extra resolver the schema silently never calls.
({
  // @ts-expect-error `userz` is not a field of Tenant
  userz: () => null,
}) satisfies TenantResolvers;

// A misspelled type is an error in every subgraph's map (all share one codegen config; each is checked).
// @ts-expect-error `Tenat` is not a type of the tenants subgraph
({ Tenat: {} }) satisfies TenantsResolvers;
// @ts-expect-error `Conversaton` is not a type of the conversations subgraph
({ Conversaton: {} }) satisfies ConversationsResolvers;
// @ts-expect-error `Modle` is not a type of the models subgraph
({ Modle: {} }) satisfies ModelsResolvers;
// @ts-expect-error `Integraton` is not a type of the integrations subgraph
({ Integraton: {} }) satisfies IntegrationsResolvers;
// @ts-expect-error `Usag` is not a type of the analytics subgraph
({ Usag: {} }) satisfies AnalyticsResolvers;
// @ts-expect-error `Simulaton` is not a type of the simulations subgraph
({ Simulaton: {} }) satisfies SimulationsResolvers;

// A wrong return type is an error: Tenant.slug is a String!, Query.tenants a TenantConnection!.
({
  // @ts-expect-error a number is not a String
  slug: () => 42,
}) satisfies TenantResolvers;
({
  // @ts-expect-error a bare list is not a TenantConnection
  tenants: () => [],
}) satisfies QueryResolvers;

// Parents are the mapped entities (codegen.mappers.ts → src/mappers.ts), not `any`.
({
  // @ts-expect-error TenantEntity has no `owner` property
  name: (tenant) => tenant.owner,
}) satisfies TenantResolvers;

// Arguments are typed from the SDL.
({
  // @ts-expect-error Query.tenantBySlug takes `slug`, not `slugg`
  tenantBySlug: (_parent, args) => args.slugg,
}) satisfies QueryResolvers;

// The context is the subgraph's TenantsContext.
({
  // @ts-expect-error TenantsContext has no `db`
  tenant: (_parent, _args, context) => context.db,
}) satisfies QueryResolvers;

// A reference resolves to the entity, a reference or null; the reference's id is a string.
({
  // @ts-expect-error an id must be a string
  __resolveReference: () => ({ __typename: 'Tenant' as const, id: 1 }),
}) satisfies TenantResolvers;
