import { randomUUID } from 'node:crypto';

/**
 * The one envelope of every durable event on the platform. Consumers are idempotent by `id`:
 * JetStream delivers at least once.
 */
export interface PlatformEvent<TData = Record<string, unknown>> {
  readonly id: string;
  /** Dotted name, for example `tenant.created`, `message.created`, `simulation.completed`. */
  readonly type: string;
  readonly tenantId: string;
  readonly occurredAt: string;
  /** The subgraph that published it. */
  readonly source: string;
  readonly data: TData;
}

export function createEvent<TData extends Record<string, unknown>>(
  type: string,
  tenantId: string,
  source: string,
  data: TData,
  occurredAt: Date = new Date(),
): PlatformEvent<TData> {
  return Object.freeze({ id: randomUUID(), type, tenantId, occurredAt: occurredAt.toISOString(), source, data });
}

export function isPlatformEvent(value: unknown): value is PlatformEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.type === 'string' &&
    typeof v.tenantId === 'string' &&
    typeof v.occurredAt === 'string' &&
    typeof v.source === 'string' &&
    typeof v.data === 'object' &&
    v.data !== null
  );
}
