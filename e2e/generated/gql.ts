/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query TenantOverview {\n  tenant {\n    id\n    slug\n    name\n    plan\n    conversations(first: 5) {\n      edges {\n        node {\n          id\n          title\n          messages(first: 3) {\n            edges {\n              node {\n                role\n                content\n              }\n            }\n          }\n          model {\n            id\n            name\n          }\n        }\n      }\n    }\n    models {\n      id\n      name\n      provider\n    }\n    integrations {\n      id\n      name\n      kind\n    }\n    usage {\n      messagesTotal\n      simulationsTotal\n    }\n    simulations(first: 5) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n}": typeof types.TenantOverviewDocument,
    "mutation CreateTenant($input: CreateTenantInput!) {\n  createTenant(input: $input) {\n    id\n    slug\n    name\n    plan\n  }\n}\n\nmutation CreateConversation($input: CreateConversationInput!) {\n  createConversation(input: $input) {\n    id\n    title\n  }\n}\n\nmutation SendMessage($conversationId: ID!, $content: String!) {\n  sendMessage(conversationId: $conversationId, content: $content) {\n    id\n    role\n    content\n  }\n}\n\nmutation StartSimulation($input: StartSimulationInput!) {\n  startSimulation(input: $input) {\n    id\n    status\n  }\n}\n\nmutation CreateProvider($input: CreateProviderInput!) {\n  createProvider(input: $input) {\n    id\n    name\n    kind\n  }\n}\n\nmutation CreateModel($input: CreateModelInput!) {\n  createModel(input: $input) {\n    id\n    name\n    provider\n  }\n}\n\nmutation SetRoutingPolicy($input: RoutingPolicyInput!) {\n  setRoutingPolicy(input: $input) {\n    id\n    defaultModel {\n      id\n    }\n  }\n}\n\nmutation CreateIntegration($input: CreateIntegrationInput!) {\n  createIntegration(input: $input) {\n    id\n    name\n    kind\n    credentialFields\n  }\n}": typeof types.CreateTenantDocument,
    "query SimulationById($id: ID!) {\n  simulation(id: $id) {\n    id\n    status\n    result {\n      mean\n      stdDev\n      p5\n      p50\n      p95\n      histogram {\n        lower\n        upper\n        count\n      }\n    }\n  }\n}\n\nquery TenantBySlug($slug: String!) {\n  tenantBySlug(slug: $slug) {\n    id\n    slug\n    plan\n  }\n}\n\nquery ConversationById($id: ID!) {\n  conversation(id: $id) {\n    id\n    title\n  }\n}": typeof types.SimulationByIdDocument,
};
const documents: Documents = {
    "query TenantOverview {\n  tenant {\n    id\n    slug\n    name\n    plan\n    conversations(first: 5) {\n      edges {\n        node {\n          id\n          title\n          messages(first: 3) {\n            edges {\n              node {\n                role\n                content\n              }\n            }\n          }\n          model {\n            id\n            name\n          }\n        }\n      }\n    }\n    models {\n      id\n      name\n      provider\n    }\n    integrations {\n      id\n      name\n      kind\n    }\n    usage {\n      messagesTotal\n      simulationsTotal\n    }\n    simulations(first: 5) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n}": types.TenantOverviewDocument,
    "mutation CreateTenant($input: CreateTenantInput!) {\n  createTenant(input: $input) {\n    id\n    slug\n    name\n    plan\n  }\n}\n\nmutation CreateConversation($input: CreateConversationInput!) {\n  createConversation(input: $input) {\n    id\n    title\n  }\n}\n\nmutation SendMessage($conversationId: ID!, $content: String!) {\n  sendMessage(conversationId: $conversationId, content: $content) {\n    id\n    role\n    content\n  }\n}\n\nmutation StartSimulation($input: StartSimulationInput!) {\n  startSimulation(input: $input) {\n    id\n    status\n  }\n}\n\nmutation CreateProvider($input: CreateProviderInput!) {\n  createProvider(input: $input) {\n    id\n    name\n    kind\n  }\n}\n\nmutation CreateModel($input: CreateModelInput!) {\n  createModel(input: $input) {\n    id\n    name\n    provider\n  }\n}\n\nmutation SetRoutingPolicy($input: RoutingPolicyInput!) {\n  setRoutingPolicy(input: $input) {\n    id\n    defaultModel {\n      id\n    }\n  }\n}\n\nmutation CreateIntegration($input: CreateIntegrationInput!) {\n  createIntegration(input: $input) {\n    id\n    name\n    kind\n    credentialFields\n  }\n}": types.CreateTenantDocument,
    "query SimulationById($id: ID!) {\n  simulation(id: $id) {\n    id\n    status\n    result {\n      mean\n      stdDev\n      p5\n      p50\n      p95\n      histogram {\n        lower\n        upper\n        count\n      }\n    }\n  }\n}\n\nquery TenantBySlug($slug: String!) {\n  tenantBySlug(slug: $slug) {\n    id\n    slug\n    plan\n  }\n}\n\nquery ConversationById($id: ID!) {\n  conversation(id: $id) {\n    id\n    title\n  }\n}": types.SimulationByIdDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TenantOverview {\n  tenant {\n    id\n    slug\n    name\n    plan\n    conversations(first: 5) {\n      edges {\n        node {\n          id\n          title\n          messages(first: 3) {\n            edges {\n              node {\n                role\n                content\n              }\n            }\n          }\n          model {\n            id\n            name\n          }\n        }\n      }\n    }\n    models {\n      id\n      name\n      provider\n    }\n    integrations {\n      id\n      name\n      kind\n    }\n    usage {\n      messagesTotal\n      simulationsTotal\n    }\n    simulations(first: 5) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query TenantOverview {\n  tenant {\n    id\n    slug\n    name\n    plan\n    conversations(first: 5) {\n      edges {\n        node {\n          id\n          title\n          messages(first: 3) {\n            edges {\n              node {\n                role\n                content\n              }\n            }\n          }\n          model {\n            id\n            name\n          }\n        }\n      }\n    }\n    models {\n      id\n      name\n      provider\n    }\n    integrations {\n      id\n      name\n      kind\n    }\n    usage {\n      messagesTotal\n      simulationsTotal\n    }\n    simulations(first: 5) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateTenant($input: CreateTenantInput!) {\n  createTenant(input: $input) {\n    id\n    slug\n    name\n    plan\n  }\n}\n\nmutation CreateConversation($input: CreateConversationInput!) {\n  createConversation(input: $input) {\n    id\n    title\n  }\n}\n\nmutation SendMessage($conversationId: ID!, $content: String!) {\n  sendMessage(conversationId: $conversationId, content: $content) {\n    id\n    role\n    content\n  }\n}\n\nmutation StartSimulation($input: StartSimulationInput!) {\n  startSimulation(input: $input) {\n    id\n    status\n  }\n}\n\nmutation CreateProvider($input: CreateProviderInput!) {\n  createProvider(input: $input) {\n    id\n    name\n    kind\n  }\n}\n\nmutation CreateModel($input: CreateModelInput!) {\n  createModel(input: $input) {\n    id\n    name\n    provider\n  }\n}\n\nmutation SetRoutingPolicy($input: RoutingPolicyInput!) {\n  setRoutingPolicy(input: $input) {\n    id\n    defaultModel {\n      id\n    }\n  }\n}\n\nmutation CreateIntegration($input: CreateIntegrationInput!) {\n  createIntegration(input: $input) {\n    id\n    name\n    kind\n    credentialFields\n  }\n}"): (typeof documents)["mutation CreateTenant($input: CreateTenantInput!) {\n  createTenant(input: $input) {\n    id\n    slug\n    name\n    plan\n  }\n}\n\nmutation CreateConversation($input: CreateConversationInput!) {\n  createConversation(input: $input) {\n    id\n    title\n  }\n}\n\nmutation SendMessage($conversationId: ID!, $content: String!) {\n  sendMessage(conversationId: $conversationId, content: $content) {\n    id\n    role\n    content\n  }\n}\n\nmutation StartSimulation($input: StartSimulationInput!) {\n  startSimulation(input: $input) {\n    id\n    status\n  }\n}\n\nmutation CreateProvider($input: CreateProviderInput!) {\n  createProvider(input: $input) {\n    id\n    name\n    kind\n  }\n}\n\nmutation CreateModel($input: CreateModelInput!) {\n  createModel(input: $input) {\n    id\n    name\n    provider\n  }\n}\n\nmutation SetRoutingPolicy($input: RoutingPolicyInput!) {\n  setRoutingPolicy(input: $input) {\n    id\n    defaultModel {\n      id\n    }\n  }\n}\n\nmutation CreateIntegration($input: CreateIntegrationInput!) {\n  createIntegration(input: $input) {\n    id\n    name\n    kind\n    credentialFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SimulationById($id: ID!) {\n  simulation(id: $id) {\n    id\n    status\n    result {\n      mean\n      stdDev\n      p5\n      p50\n      p95\n      histogram {\n        lower\n        upper\n        count\n      }\n    }\n  }\n}\n\nquery TenantBySlug($slug: String!) {\n  tenantBySlug(slug: $slug) {\n    id\n    slug\n    plan\n  }\n}\n\nquery ConversationById($id: ID!) {\n  conversation(id: $id) {\n    id\n    title\n  }\n}"): (typeof documents)["query SimulationById($id: ID!) {\n  simulation(id: $id) {\n    id\n    status\n    result {\n      mean\n      stdDev\n      p5\n      p50\n      p95\n      histogram {\n        lower\n        upper\n        count\n      }\n    }\n  }\n}\n\nquery TenantBySlug($slug: String!) {\n  tenantBySlug(slug: $slug) {\n    id\n    slug\n    plan\n  }\n}\n\nquery ConversationById($id: ID!) {\n  conversation(id: $id) {\n    id\n    title\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;