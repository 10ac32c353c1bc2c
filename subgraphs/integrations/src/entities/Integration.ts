import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

export const integrationKinds = ['REST', 'GRAPHQL', 'WEBHOOK', 'SLACK', 'SALESFORCE'] as const;
export type IntegrationKindName = (typeof integrationKinds)[number];
export const integrationStatuses = ['ACTIVE', 'DISABLED'] as const;
export type IntegrationStatusName = (typeof integrationStatuses)[number];

/**
 * A tenant's connection to an external system. The credentials are stored only sealed (AES-256-GCM:
 * key id, IV, tag, ciphertext); those columns are lazy, so the reads that serve the graph never
 * even fetch them; only the service's credentialsFor asks for them.
 */
export const Integration = defineEntity({
  name: 'Integration',
  tableName: 'integrations',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    name: p.string(),
    kind: p.enum(integrationKinds),
    endpoint: p.string().nullable(),
    status: p.enum(integrationStatuses).default('ACTIVE'),
    /** Names of the stored credential fields, sorted; never their values. */
    credentialFields: p.json<string[]>(),
    credentialsKeyId: p.string().nullable().lazy(),
    credentialsIv: p.blob().nullable().lazy(),
    credentialsTag: p.blob().nullable().lazy(),
    credentialsCiphertext: p.blob().nullable().lazy(),
    credentialsUpdatedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type IntegrationEntity = InferEntity<typeof Integration>;
