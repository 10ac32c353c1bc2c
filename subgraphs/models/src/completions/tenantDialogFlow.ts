import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../../kit/src/log.ts';
import { validateDialogFlow } from '../providers/DialogFlow.ts';
import type { DialogFlow } from '../providers/DialogFlow.ts';

/**
 * A tenant's dialog flow in `dialog_flows`, one row per tenant. Plain SQL in the caller's
 * transaction (`store.run`): row-level security keeps it to the caller's tenant, and the tenant is
 * named in every statement as well.
 */
export async function saveDialogFlow(em: EntityManager, tenantId: string, flow: DialogFlow): Promise<void> {
  await em.execute(
    `insert into dialog_flows (tenant_id, flow, updated_at) values (?, ?::jsonb, now())
     on conflict (tenant_id) do update set flow = excluded.flow, updated_at = excluded.updated_at`,
    [tenantId, JSON.stringify(flow)],
    'run',
  );
}

/** The tenant's flow, or undefined when it has none (the built-in engine then uses the default flow). */
export async function loadDialogFlow(em: EntityManager, tenantId: string, log: Logger): Promise<DialogFlow | undefined> {
  const rows = await em.execute<Array<{ flow: unknown }>>('select flow from dialog_flows where tenant_id = ?', [tenantId]);
  const stored = rows[0]?.flow;
  if (stored === undefined) return undefined;
  // Validated when saved; checked again because a rule may have tightened since.
  const validation = validateDialogFlow(typeof stored === 'string' ? JSON.parse(stored) : stored);
  if (validation.ok) return validation.flow;
  log.error('stored dialog flow no longer valid, using the default flow', { tenantId, problems: validation.problems.slice(0, 5) });
  return undefined;
}
