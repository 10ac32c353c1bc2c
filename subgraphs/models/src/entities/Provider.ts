import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

export const providerKinds = ['OPENAI', 'AZURE_OPENAI', 'ANTHROPIC', 'OLLAMA', 'VLLM', 'BUILTIN'] as const;
export type ProviderKindName = (typeof providerKinds)[number];

/** A provider account of a tenant. Credentials are configuration, never stored here. */
export const Provider = defineEntity({
  name: 'Provider',
  tableName: 'providers',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    name: p.string(),
    kind: p.enum(providerKinds),
    baseUrl: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ProviderEntity = InferEntity<typeof Provider>;
