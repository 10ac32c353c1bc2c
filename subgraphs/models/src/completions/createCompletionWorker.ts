import type { QueryResult } from '@mikro-orm/postgresql';
import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import { createEvent } from '../../../kit/src/bus/PlatformEvent.ts';
import type { PlatformEvent } from '../../../kit/src/bus/PlatformEvent.ts';
import type { LiveBus } from '../../../kit/src/live/LiveBus.ts';
import { liveSubjects } from '../../../kit/src/live/LiveBus.ts';
import type { Logger } from '../../../kit/src/log.ts';
import type { PgStore } from '../../../kit/src/store/createPgStore.ts';
import type { CatalogSource } from '../catalog/createCatalogSource.ts';
import type { TenantCatalog } from '../catalog/TenantCatalog.ts';
import type { DialogFlow } from '../providers/DialogFlow.ts';
import type { ProviderConfig } from '../providers/loadProviderConfig.ts';
import { createProviderClient } from '../providers/createProviderClient.ts';
import type { FetchLike } from '../providers/openEventStream.ts';
import { completionRequestOf } from './completionRequestOf.ts';
import type { CompletionRequest } from './completionRequestOf.ts';
import { pickCompletionModels } from './pickCompletionModels.ts';
import type { CompletionPlan } from './pickCompletionModels.ts';
import { runCompletionChain } from './runCompletionChain.ts';
import type { ChainLink, CompletionResult } from './runCompletionChain.ts';
import { loadDialogFlow } from './tenantDialogFlow.ts';

export const COMPLETION_WORKER_IDENTITY = 'models-completions';

/** Stands for the platform's own dialog engine in the chain; never leaves this module (its modelId is null). */
const PLATFORM_ENGINE = 'platform-dialog-engine';

/** `completion.finished`: what conversations stores and analytics counts. */
export interface CompletionFinishedData extends Record<string, unknown> {
  conversationId: string;
  /** The request's assistantMessageId. */
  messageId: string;
  userMessageId: string | null;
  content: string;
  /** The model that answered; null when every model failed or the platform's own engine answered. */
  modelId: string | null;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  costUsd: number;
  failed: boolean;
  truncated: boolean;
  usageEstimated: boolean;
}

/** A token as it travels on the conversation's live subject (conversations maps it to MessageToken). */
export interface LiveTokenPayload {
  type: 'token';
  messageId: string;
  index: number;
  text: string;
}

export interface CompletionWorkerDeps {
  store: PgStore;
  catalogs: CatalogSource;
  live: LiveBus;
  config: ProviderConfig;
  log: Logger;
  /** Overrides config.dialogWordDelayMs (tests use 0). */
  wordDelayMs?: number;
  fetch?: FetchLike;
}

/** completed: answered now; duplicate: answered before (a redelivery); rejected: malformed, dropped. */
export type CompletionOutcome = 'completed' | 'duplicate' | 'rejected';

/** The worker acts as the request's tenant: the tenant filter and RLS check every row it touches. */
export function completionWorkerClaims(tenantId: string): TenantClaims {
  return {
    tenantId,
    userId: COMPLETION_WORKER_IDENTITY,
    roles: [],
    scopes: [],
    plan: null,
    clientName: COMPLETION_WORKER_IDENTITY,
    platformAdmin: false,
  };
}

/**
 * Answers `completion.requested` events. Each request is claimed by its event id in
 * processed_completion_requests, in ONE transaction with the streaming and the enqueued
 * `completion.finished`: a redelivery (or another replica, which waits on the claimed id until
 * this one commits) finds the id taken and neither streams nor charges again, while a crash
 * mid-stream rolls the claim back, so the request is answered on redelivery (tokens are lossy;
 * subscribers see the reply start again at index 0).
 */
export function createCompletionWorker(deps: CompletionWorkerDeps) {
  const { store, catalogs, live, config, log } = deps;
  // Shutdown stops the request in flight: its transaction rolls back and the bus redelivers it.
  const shutdown = new AbortController();

  function chainOf(plan: CompletionPlan, catalog: TenantCatalog | null, flow: DialogFlow | undefined): ChainLink[] {
    const options = { dialogFlow: flow, wordDelayMs: deps.wordDelayMs, fetch: deps.fetch };
    if (plan.models.length === 0) {
      const client = createProviderClient('BUILTIN', null, config, options);
      return [{ modelId: PLATFORM_ENGINE, modelName: 'dialog-flow', client, prices: { inputCostPerMillion: 0, outputCostPerMillion: 0 } }];
    }
    const providers = new Map(catalog?.providers.map((p) => [p.id, p]));
    return plan.models.map((model) => ({
      modelId: model.id,
      modelName: model.name,
      client: createProviderClient(model.providerKind, providers.get(model.providerId)?.baseUrl ?? null, config, options),
      prices: { inputCostPerMillion: model.inputCostPerMillion, outputCostPerMillion: model.outputCostPerMillion },
    }));
  }

  async function answer(request: CompletionRequest, chain: ChainLink[], plan: CompletionPlan): Promise<CompletionResult> {
    const subject = liveSubjects.conversation(request.tenantId, request.conversationId);
    const run = runCompletionChain({
      chain,
      messages: request.messages,
      firstTokenTimeoutMs: plan.firstTokenTimeoutMs,
      overallTimeoutMs: config.completionTimeoutMs,
      signal: shutdown.signal,
      log: log.child({ conversationId: request.conversationId, messageId: request.assistantMessageId }),
    });
    for (;;) {
      const step = await run.next();
      if (step.done) return step.value;
      const token: LiveTokenPayload = { type: 'token', messageId: request.assistantMessageId, index: step.value.index, text: step.value.text };
      live.publish(subject, token);
    }
  }

  return {
    async handle(event: PlatformEvent): Promise<CompletionOutcome> {
      const request = completionRequestOf(event);
      if (typeof request === 'string') {
        log.error('completion.requested rejected', { eventId: event.id, tenantId: event.tenantId, reason: request });
        return 'rejected';
      }
      const claims = completionWorkerClaims(request.tenantId);
      // The catalog is read (from the cache) outside the transaction, which holds a connection while it streams.
      const catalog = await catalogs.read(claims);
      const plan = pickCompletionModels(catalog, request.modelId);
      return store.run(claims, async (em) => {
        const claimed = await em.execute<QueryResult>(
          `insert into processed_completion_requests (event_id, tenant_id, conversation_id, message_id)
           values (?, ?, ?, ?) on conflict (event_id) do nothing`,
          [request.eventId, request.tenantId, request.conversationId, request.assistantMessageId],
          'run',
        );
        if (claimed.affectedRows === 0) return 'duplicate';
        const needsFlow = plan.models.length === 0 || plan.models.some((m) => m.providerKind === 'BUILTIN');
        const flow = needsFlow ? await loadDialogFlow(em, request.tenantId, log) : undefined;
        const result = await answer(request, chainOf(plan, catalog, flow), plan);
        const modelId = result.modelId === PLATFORM_ENGINE ? null : result.modelId;
        await em.execute(
          'update processed_completion_requests set model_id = ?, failed = ?, total_tokens = ?, cost_usd = ? where event_id = ? and tenant_id = ?',
          [modelId, result.failed, result.totalTokens, result.costUsd, request.eventId, request.tenantId],
          'run',
        );
        const data: CompletionFinishedData = {
          conversationId: request.conversationId,
          messageId: request.assistantMessageId,
          userMessageId: request.userMessageId,
          content: result.content,
          modelId,
          promptTokens: result.promptTokens,
          completionTokens: result.completionTokens,
          totalTokens: result.totalTokens,
          costUsd: result.costUsd,
          failed: result.failed,
          truncated: result.truncated,
          usageEstimated: result.usageEstimated,
        };
        await store.enqueue(em, createEvent('completion.finished', request.tenantId, 'models', data));
        log.info('completion finished', {
          tenantId: request.tenantId,
          conversationId: request.conversationId,
          modelId,
          failed: result.failed,
          attempts: result.attempts.length,
          totalTokens: result.totalTokens,
        });
        return 'completed';
      });
    },
    /** Aborts the completion in flight (its request is redelivered); call as the consumer stops. */
    abort() {
      shutdown.abort(new Error('the models subgraph is shutting down'));
    },
  };
}
export type CompletionWorker = ReturnType<typeof createCompletionWorker>;
