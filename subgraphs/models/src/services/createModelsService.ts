import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import { hasRole } from '../../../kit/src/auth/claims.ts';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent } from '../../../kit/src/bus/PlatformEvent.ts';
import { ErrorCode, PlatformError, badInput, conflict, forbidden } from '../../../kit/src/errors.ts';
import type { Logger } from '../../../kit/src/log.ts';
import type { PgStore } from '../../../kit/src/store/createPgStore.ts';
import type { CatalogSource } from '../catalog/createCatalogSource.ts';
import { toModelRecord, toProviderRecord, toRoutingPolicyRecord } from '../catalog/TenantCatalog.ts';
import type { ModelRecord, ProviderRecord, RoutingPolicyRecord } from '../catalog/TenantCatalog.ts';
import { Model } from '../entities/Model.ts';
import type { ModelEntity } from '../entities/Model.ts';
import { Provider, providerKinds } from '../entities/Provider.ts';
import type { ProviderKindName } from '../entities/Provider.ts';
import { RoutingPolicy } from '../entities/RoutingPolicy.ts';
import { loadDialogFlow, saveDialogFlow } from '../completions/tenantDialogFlow.ts';
import { validateDialogFlow } from '../providers/DialogFlow.ts';
import type { DialogFlow } from '../providers/DialogFlow.ts';
import { LIMITS, baseUrlFor, cost, fallbackChain, intInRange, requireId, requireText } from './modelsInput.ts';

/** The catalog is cached and read whole, so it stays bounded. */
export const MAX_PROVIDERS_PER_TENANT = 100;
export const MAX_MODELS_PER_TENANT = 1000;

export interface ModelsServiceDeps {
  store: PgStore;
  /** Unused: events leave through the store's outbox (`store.enqueue`). Kept while server.ts still passes it. */
  log: Logger;
  claims: TenantClaims;
  catalogs: CatalogSource;
  /** Called after each committed write (the request's loaders forget what they read). */
  onChanged?: () => void;
}

export interface CreateProviderInput {
  name: string;
  kind: ProviderKindName;
  baseUrl?: string | null;
}
export interface CreateModelInput {
  providerId: string;
  name: string;
  contextWindow?: number | null;
  inputCostPerMillion?: number | null;
  outputCostPerMillion?: number | null;
}
export interface RoutingPolicyInput {
  defaultModelId: string;
  fallbackModelIds?: readonly string[] | null;
  firstTokenTimeoutMs?: number | null;
}

const quotaExceeded = (message: string) => new PlatformError(ErrorCode.QUOTA_EXCEEDED, message);

/** Business rules of the models subgraph's writes, bound to one caller. */
export function createModelsService({ store, log, claims, catalogs, onChanged }: ModelsServiceDeps) {
  const requireAdmin = () => {
    if (!claims.tenantId) throw forbidden('This operation needs a tenant');
    if (!hasRole(claims, 'ADMIN')) throw forbidden('Only tenant admins may do this');
    return claims.tenantId;
  };

  /** In the write's transaction: other subgraphs hear of it once it commits (the store's outbox). */
  const announce = (em: EntityManager, tenantId: string, type: string, data: Record<string, unknown>) =>
    store.enqueue(em, createEvent(type, tenantId, 'models', data));
  /** After the commit: no replica may serve the old catalog. */
  const afterWrite = async (tenantId: string) => {
    await catalogs.invalidate(tenantId);
    onChanged?.();
  };

  return {
    async createProvider(input: CreateProviderInput): Promise<ProviderRecord> {
      const tenantId = requireAdmin();
      const name = requireText('name', input.name, LIMITS.providerName);
      if (!providerKinds.includes(input.kind)) throw badInput('`kind` is not a provider kind', { field: 'kind' });
      const baseUrl = baseUrlFor(input.kind, input.baseUrl);
      let provider: ProviderRecord;
      try {
        provider = await store.run(claims, async (em) => {
          if ((await em.count(Provider, { tenantId })) >= MAX_PROVIDERS_PER_TENANT) {
            throw quotaExceeded(`A tenant may configure at most ${MAX_PROVIDERS_PER_TENANT} providers`);
          }
          const created = em.create(Provider, { tenantId, name, kind: input.kind, baseUrl });
          await em.flush();
          await announce(em, tenantId, 'provider.created', { providerId: created.id, kind: created.kind });
          return toProviderRecord(created);
        });
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw conflict(`A provider named "${name}" exists`, { field: 'name' });
        throw error;
      }
      await afterWrite(tenantId);
      log.info('provider created', { providerId: provider.id, kind: provider.kind });
      return provider;
    },

    async createModel(input: CreateModelInput): Promise<ModelRecord> {
      const tenantId = requireAdmin();
      const providerId = requireId('providerId', input.providerId);
      const name = requireText('name', input.name, LIMITS.modelName);
      const contextWindow = intInRange('contextWindow', input.contextWindow, LIMITS.contextWindow);
      const inputCostPerMillion = cost('inputCostPerMillion', input.inputCostPerMillion);
      const outputCostPerMillion = cost('outputCostPerMillion', input.outputCostPerMillion);
      let model: ModelRecord;
      try {
        model = await store.run(claims, async (em) => {
          // RLS hides other tenants' providers, so another tenant's id reads as unknown here.
          const provider = await em.findOne(Provider, { id: providerId, tenantId });
          if (!provider) throw badInput(`\`providerId\` ${providerId} is not a provider of this tenant`, { field: 'providerId', id: providerId });
          if ((await em.count(Model, { tenantId })) >= MAX_MODELS_PER_TENANT) {
            throw quotaExceeded(`A tenant may configure at most ${MAX_MODELS_PER_TENANT} models`);
          }
          const created = em.create(Model, { tenantId, providerId, name, contextWindow, inputCostPerMillion, outputCostPerMillion });
          await em.flush();
          await announce(em, tenantId, 'model.created', { modelId: created.id, providerId, name: created.name });
          return toModelRecord(created, provider.kind);
        });
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) {
          throw conflict(`The provider already offers a model named "${name}"`, { field: 'name' });
        }
        throw error;
      }
      await afterWrite(tenantId);
      log.info('model created', { modelId: model.id, providerId });
      return model;
    },

    async setRoutingPolicy(input: RoutingPolicyInput): Promise<RoutingPolicyRecord> {
      const tenantId = requireAdmin();
      const defaultModelId = requireId('defaultModelId', input.defaultModelId);
      const chain = fallbackChain(defaultModelId, input.fallbackModelIds);
      const firstTokenTimeoutMs = intInRange('firstTokenTimeoutMs', input.firstTokenTimeoutMs, LIMITS.firstTokenTimeoutMs);
      const policy = await store.run(claims, async (em) => {
        const found = await em.find(Model, { tenantId, id: { $in: [defaultModelId, ...chain] } });
        const byId = new Map(found.map((m) => [m.id, m]));
        requireRoutable(byId, 'defaultModelId', defaultModelId);
        chain.forEach((id, index) => requireRoutable(byId, 'fallbackModelIds', id, index));
        // One policy per tenant (unique tenant_id): insert, or replace the one there, atomically.
        const saved = await em.upsert(
          RoutingPolicy,
          { tenantId, defaultModelId, fallbackModelIds: chain, firstTokenTimeoutMs, updatedAt: new Date() },
          { onConflictFields: ['tenantId'], onConflictAction: 'merge', onConflictExcludeFields: ['id'] },
        );
        await announce(em, tenantId, 'routing_policy.set', { policyId: saved.id, defaultModelId, fallbackModelIds: chain });
        return toRoutingPolicyRecord(saved);
      });
      await afterWrite(tenantId);
      log.info('routing policy set', { policyId: policy.id, defaultModelId });
      return policy;
    },

    /** The tenant's stored dialog flow, or null (also for any tenant but the caller's). */
    async dialogFlow(tenantId: string): Promise<DialogFlow | null> {
      if (!claims.tenantId || tenantId !== claims.tenantId) return null;
      return (await store.run(claims, (em) => loadDialogFlow(em, tenantId, log))) ?? null;
    },

    /** Stores the tenant's dialog flow (validated first, every problem reported at once). */
    async setDialogFlow(value: unknown): Promise<boolean> {
      const tenantId = requireAdmin();
      const validation = validateDialogFlow(value);
      if (!validation.ok) throw badInput('The dialog flow is not valid', { field: 'flow', problems: validation.problems });
      const { flow } = validation;
      await store.run(claims, async (em) => {
        await saveDialogFlow(em, tenantId, flow);
        await announce(em, tenantId, 'dialog_flow.set', { intents: flow.intents.length });
      });
      log.info('dialog flow set', { intents: flow.intents.length });
      return true;
    },
  };
}
export type ModelsService = ReturnType<typeof createModelsService>;

/** A model a policy may route to: one of the tenant's (RLS shows no other) and enabled. */
function requireRoutable(byId: Map<string, ModelEntity>, field: string, id: string, index?: number): void {
  const details = { field, id, ...(index === undefined ? {} : { index }) };
  const model = byId.get(id);
  if (!model) throw badInput(`\`${field}\` names ${id}, which is not a model of this tenant`, details);
  if (!model.enabled) throw badInput(`\`${field}\` names ${id}, which is disabled`, details);
}
