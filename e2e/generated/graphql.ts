/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Channels a conversation can come from. */
export type Channel =
  /** Server-to-server API calls. */
  | 'API'
  /** Email threads. */
  | 'EMAIL'
  /** A Slack workspace. */
  | 'SLACK'
  /** Voice calls, transcribed. */
  | 'VOICE'
  /** The platform's web chat. */
  | 'WEB';

/** A new conversation. */
export type CreateConversationInput = {
  /** Where the conversation takes place; defaults to WEB. */
  channel?: Channel | null | undefined;
  /** A model to pin (its id in the models subgraph, a UUID); by default the routing policy decides. */
  modelId?: string | number | null | undefined;
  /** Short title, 1 to 200 characters. */
  title: string;
};

/** A new integration. */
export type CreateIntegrationInput = {
  /** Credential fields: an object of strings, at most 32 fields and 8 KiB serialized; stored encrypted, never returned. */
  credentials?: unknown;
  /** The system's endpoint (http or https URL), if it has one. */
  endpoint?: string | null | undefined;
  /** How the platform talks to the system. */
  kind: IntegrationKind;
  /** Display name, 1 to 100 characters (trimmed). */
  name: string;
};

/** A new model. */
export type CreateModelInput = {
  /** Largest prompt plus completion, in tokens (1 to 10000000, default 128000). */
  contextWindow?: number | null | undefined;
  /** Price of one million prompt tokens, in US dollars (0 or more, default 0). */
  inputCostPerMillion?: number | null | undefined;
  /** The provider's name for the model, 1 to 200 characters, unique within the provider. */
  name: string;
  /** Price of one million completion tokens, in US dollars (0 or more, default 0). */
  outputCostPerMillion?: number | null | undefined;
  /** The provider that serves it (a provider of the caller's tenant). */
  providerId: string | number;
};

/** A new provider configuration. */
export type CreateProviderInput = {
  /** Base URL of the provider's API (http or https, without credentials), if not the default. BUILTIN takes none. */
  baseUrl?: string | null | undefined;
  /** Protocol the provider speaks. */
  kind: ProviderKind;
  /** Display name, 1 to 100 characters, unique within the tenant. */
  name: string;
};

/** A new tenant. */
export type CreateTenantInput = {
  /** Display name, 1 to 200 characters. */
  name: string;
  /** The tier; defaults to TRIAL. */
  plan?: Plan | null | undefined;
  /** Unique slug: 3 to 40 lowercase letters, digits or dashes, starting with a letter. */
  slug: string;
};

/** Exactly one distribution. */
export type DistributionInput =
  {   /** Lognormal with the mean and standard deviation of the logarithm. */
  lognormal: LognormalInput; normal?: never; triangular?: never; uniform?: never; }
  |  { lognormal?: never;   /** Normal with a mean and standard deviation. */
  normal: NormalInput; triangular?: never; uniform?: never; }
  |  { lognormal?: never; normal?: never;   /** Triangular with min, mode and max. */
  triangular: TriangularInput; uniform?: never; }
  |  { lognormal?: never; normal?: never; triangular?: never;   /** Uniform between min and max. */
  uniform: UniformInput; };

/** Ways of talking to an external system. */
export type IntegrationKind =
  /** A GraphQL API the platform calls. */
  | 'GRAPHQL'
  /** A REST API the platform calls. */
  | 'REST'
  /** A Salesforce organisation. */
  | 'SALESFORCE'
  /** A Slack workspace. */
  | 'SLACK'
  /** A URL the platform posts events to. */
  | 'WEBHOOK';

/** Parameters of a lognormal distribution (sigma > 0). */
export type LognormalInput = {
  /** Mean of the logarithm. */
  mu: number;
  /** Standard deviation of the logarithm. */
  sigma: number;
};

/** Authors of messages. */
export type MessageRole =
  /** The platform's assistant (a model's completion). */
  | 'ASSISTANT'
  /** Instructions that frame the conversation. */
  | 'SYSTEM'
  /** A person of the tenant. */
  | 'USER';

/** Parameters of a normal distribution (stdDev > 0). */
export type NormalInput = {
  /** Mean. */
  mean: number;
  /** Standard deviation. */
  stdDev: number;
};

/** Commercial tiers. Trial and standard tenants share tables; professional and enterprise ones get more isolation. */
export type Plan =
  /** Contracted tier with the highest limits. */
  | 'ENTERPRISE'
  /** Teams with higher limits. */
  | 'PROFESSIONAL'
  /** Self-service paid tier. */
  | 'STANDARD'
  /** Time-limited evaluation. */
  | 'TRIAL';

/** Kinds of LLM provider the platform can call. */
export type ProviderKind =
  /** Anthropic's Messages API. */
  | 'ANTHROPIC'
  /** Azure OpenAI (chat-completions protocol). */
  | 'AZURE_OPENAI'
  /** The built-in dialog-flow engine, which works offline. */
  | 'BUILTIN'
  /** A local Ollama server (chat-completions protocol). */
  | 'OLLAMA'
  /** OpenAI's chat-completions API. */
  | 'OPENAI'
  /** A vLLM server (chat-completions protocol). */
  | 'VLLM';

/** A routing policy. */
export type RoutingPolicyInput = {
  /** The model used when a conversation pins none (an enabled model of the caller's tenant). */
  defaultModelId: string | number;
  /** Models to try in order when the default fails: at most 5, distinct, enabled, of the caller's tenant, not the default. */
  fallbackModelIds?: Array<string | number> | null | undefined;
  /** How long to wait for a first token, in milliseconds (100 to 120000, default 15000). */
  firstTokenTimeoutMs?: number | null | undefined;
};

/** Life of a simulation run. */
export type SimulationStatus =
  /** Stopped on request. */
  | 'CANCELLED'
  /** Finished; the result is available. */
  | 'COMPLETED'
  /** Stopped by an error (see `error`). */
  | 'FAILED'
  /** Accepted, waiting for a worker. */
  | 'QUEUED'
  /** A worker is sampling. */
  | 'RUNNING';

/**
 * A named variable and its distribution. Give exactly one of the distribution fields; the
 * distribution alone is also accepted as a @oneOf `distribution` input.
 */
export type SimulationVariableInput = {
  /** The distribution as one @oneOf input (an alternative to the fields above). */
  distribution?: DistributionInput | null | undefined;
  /** Draw from a lognormal distribution. */
  lognormal?: LognormalInput | null | undefined;
  /** The name used in the expression: a letter or underscore, then letters, digits or underscores. */
  name: string;
  /** Draw from a normal distribution. */
  normal?: NormalInput | null | undefined;
  /** Draw from a triangular distribution. */
  triangular?: TriangularInput | null | undefined;
  /** Draw from a uniform distribution. */
  uniform?: UniformInput | null | undefined;
};

/** A Monte Carlo run to start. */
export type StartSimulationInput = {
  /**
   * The output over the variables: numbers, variable names, + - * / ^, parentheses and
   * min, max, exp, log, sqrt, abs. At most 2,000 characters.
   */
  expression: string;
  /** Iterations, 1 to the tenant's plan limit (at most 10,000,000). */
  iterations: number;
  /** Display name, 1 to 200 characters. */
  name: string;
  /** Seed of the random number generator (a 32-bit integer); random when omitted. */
  seed?: number | null | undefined;
  /** 1 to 50 named variables, each with exactly one distribution. */
  variables: Array<SimulationVariableInput>;
};

/** Parameters of a triangular distribution (min <= mode <= max, min < max). */
export type TriangularInput = {
  /** Upper bound. */
  max: number;
  /** Lower bound. */
  min: number;
  /** Most likely value. */
  mode: number;
};

/** Parameters of a uniform distribution (min < max). */
export type UniformInput = {
  /** Upper bound. */
  max: number;
  /** Lower bound. */
  min: number;
};

export type TenantOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantOverviewQuery = { tenant: { id: string, slug: string, name: string, plan: Plan, conversations: { edges: Array<{ node: { id: string, title: string, messages: { edges: Array<{ node: { role: MessageRole, content: string } }> }, model: { id: string, name: string } | null } }> }, models: Array<{ id: string, name: string, provider: ProviderKind }>, integrations: Array<{ id: string, name: string, kind: IntegrationKind }>, usage: { messagesTotal: number, simulationsTotal: number }, simulations: { edges: Array<{ node: { id: string, status: SimulationStatus } }> } } | null };

export type CreateTenantMutationVariables = Exact<{
  input: CreateTenantInput;
}>;


export type CreateTenantMutation = { createTenant: { id: string, slug: string, name: string, plan: Plan } };

export type CreateConversationMutationVariables = Exact<{
  input: CreateConversationInput;
}>;


export type CreateConversationMutation = { createConversation: { id: string, title: string } };

export type SendMessageMutationVariables = Exact<{
  conversationId: string | number;
  content: string;
}>;


export type SendMessageMutation = { sendMessage: { id: string, role: MessageRole, content: string } };

export type StartSimulationMutationVariables = Exact<{
  input: StartSimulationInput;
}>;


export type StartSimulationMutation = { startSimulation: { id: string, status: SimulationStatus } };

export type CreateProviderMutationVariables = Exact<{
  input: CreateProviderInput;
}>;


export type CreateProviderMutation = { createProvider: { id: string, name: string, kind: ProviderKind } };

export type CreateModelMutationVariables = Exact<{
  input: CreateModelInput;
}>;


export type CreateModelMutation = { createModel: { id: string, name: string, provider: ProviderKind } };

export type SetRoutingPolicyMutationVariables = Exact<{
  input: RoutingPolicyInput;
}>;


export type SetRoutingPolicyMutation = { setRoutingPolicy: { id: string, defaultModel: { id: string } } };

export type CreateIntegrationMutationVariables = Exact<{
  input: CreateIntegrationInput;
}>;


export type CreateIntegrationMutation = { createIntegration: { id: string, name: string, kind: IntegrationKind, credentialFields: Array<string> } };

export type SimulationByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type SimulationByIdQuery = { simulation: { id: string, status: SimulationStatus, result: { mean: number, stdDev: number, p5: number, p50: number, p95: number, histogram: Array<{ lower: number, upper: number, count: number }> } | null } | null };

export type TenantBySlugQueryVariables = Exact<{
  slug: string;
}>;


export type TenantBySlugQuery = { tenantBySlug: { id: string, slug: string, plan: Plan } | null };

export type ConversationByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type ConversationByIdQuery = { conversation: { id: string, title: string } | null };

export type ChatSubscriptionVariables = Exact<{
  conversationId: string | number;
}>;


export type ChatSubscription = { messageStream:
    | { __typename: 'MessageCompleted', message: { id: string, content: string, tokenCount: number, conversation: { title: string, model: { name: string, provider: ProviderKind } | null } } }
    | { __typename: 'MessageToken', messageId: string, index: number, text: string }
   };

export type ProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ProgressSubscription = { simulationProgress: { completedIterations: number, totalIterations: number, percent: number, simulation: { id: string, status: SimulationStatus, tenant: { name: string, plan: Plan } }, running: { mean: number, stdDev: number } | null, result: { mean: number, p5: number, p50: number, p95: number } | null } };


export const TenantOverviewDocument = {"__meta__":{"hash":"sha256:bcb3e7b42cbc0f6784e497f10c95e623c1b3a4d8e07e38f2fdc4b9bf298ddae7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TenantOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"conversations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"Field","name":{"kind":"Name","value":"integrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messagesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"simulationsTotal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"simulations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TenantOverviewQuery, TenantOverviewQueryVariables>;
export const CreateTenantDocument = {"__meta__":{"hash":"sha256:5b8899fced558bfa02a25e0d5d532e6a478d24015f0b78e40351916bc331aaab"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTenantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}}]}}]}}]} as unknown as DocumentNode<CreateTenantMutation, CreateTenantMutationVariables>;
export const CreateConversationDocument = {"__meta__":{"hash":"sha256:6aeb0536c81a9ce8a260f42586221838763175ce700b19f0436c9a4ccfb75538"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateConversation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateConversationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createConversation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<CreateConversationMutation, CreateConversationMutationVariables>;
export const SendMessageDocument = {"__meta__":{"hash":"sha256:866ba350008b2f48c53b54cd4c74d4e2a6a32fdd56b43da556939d9866617ec1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"conversationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"content"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"conversationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"conversationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"content"},"value":{"kind":"Variable","name":{"kind":"Name","value":"content"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}}]} as unknown as DocumentNode<SendMessageMutation, SendMessageMutationVariables>;
export const StartSimulationDocument = {"__meta__":{"hash":"sha256:6ba4c41740320186ef8d18fe0726ea5871f83b3b2e4a0f12eabaf1ad4aa2867d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartSimulation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartSimulationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startSimulation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<StartSimulationMutation, StartSimulationMutationVariables>;
export const CreateProviderDocument = {"__meta__":{"hash":"sha256:be9c9879b602c76ce5c206a49932f3f16c5a311539eb3004b4c7cc659fbc631e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProvider"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProviderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProvider"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<CreateProviderMutation, CreateProviderMutationVariables>;
export const CreateModelDocument = {"__meta__":{"hash":"sha256:192a800ea54b6f47a586cdc0322462f253bf4028846be6da61ad6b45b686de62"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}}]} as unknown as DocumentNode<CreateModelMutation, CreateModelMutationVariables>;
export const SetRoutingPolicyDocument = {"__meta__":{"hash":"sha256:ab1d77fef632e7dba9ed3ccc2c64dac4de6d736e521e415c15a7c3a0a9641fa0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetRoutingPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RoutingPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setRoutingPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"defaultModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<SetRoutingPolicyMutation, SetRoutingPolicyMutationVariables>;
export const CreateIntegrationDocument = {"__meta__":{"hash":"sha256:f40b5cd30b555358d7953e9d2db1ee79c597a0a3277adb486db80861ad494a01"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateIntegration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateIntegrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createIntegration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"credentialFields"}}]}}]}}]} as unknown as DocumentNode<CreateIntegrationMutation, CreateIntegrationMutationVariables>;
export const SimulationByIdDocument = {"__meta__":{"hash":"sha256:e7d5380a49157df042d353c727f2d6a9b5d996d6828fb70a7090842f5e272789"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SimulationById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"simulation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"stdDev"}},{"kind":"Field","name":{"kind":"Name","value":"p5"}},{"kind":"Field","name":{"kind":"Name","value":"p50"}},{"kind":"Field","name":{"kind":"Name","value":"p95"}},{"kind":"Field","name":{"kind":"Name","value":"histogram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SimulationByIdQuery, SimulationByIdQueryVariables>;
export const TenantBySlugDocument = {"__meta__":{"hash":"sha256:24e1e42068774bcf97532d6b43d9ae9c417eeafada003b452d1a1179fff1fcd0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TenantBySlug"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantBySlug"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}}]}}]}}]} as unknown as DocumentNode<TenantBySlugQuery, TenantBySlugQueryVariables>;
export const ConversationByIdDocument = {"__meta__":{"hash":"sha256:5ef54b5ac4ba5e2765bcc1a036d99fe737dc60b322e6d6361bf544b040c35e8f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConversationById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<ConversationByIdQuery, ConversationByIdQueryVariables>;
export const ChatDocument = {"__meta__":{"hash":"sha256:87cf27e999c675dc9268f90778c8c7dcdc99e28d057e74890662ef3d5ea507cf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"Chat"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"conversationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"conversationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"conversationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageCompleted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"tokenCount"}},{"kind":"Field","name":{"kind":"Name","value":"conversation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ChatSubscription, ChatSubscriptionVariables>;
export const ProgressDocument = {"__meta__":{"hash":"sha256:a812af40a1bb4e4d05ba0855a5eff201ed8117e50f12bf90ccb5c9d2d6d07241"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"Progress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"simulationProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"simulation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"completedIterations"}},{"kind":"Field","name":{"kind":"Name","value":"totalIterations"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"running"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"stdDev"}}]}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"p5"}},{"kind":"Field","name":{"kind":"Name","value":"p50"}},{"kind":"Field","name":{"kind":"Name","value":"p95"}}]}}]}}]}}]} as unknown as DocumentNode<ProgressSubscription, ProgressSubscriptionVariables>;