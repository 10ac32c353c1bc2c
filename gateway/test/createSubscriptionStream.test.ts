import { describe, expect, it } from 'vitest';
import type { Sink, SubscribePayload } from 'graphql-ws';
import { claimsFor } from '../../subgraphs/kit/src/testing/testEnvironment.ts';
import { silentLogger } from '../../subgraphs/kit/src/log.ts';
import type { EventExecutor } from '../src/subscriptions/createEventExecutor.ts';
import type { PlannedSubscription } from '../src/subscriptions/createSubscriptionPlanner.ts';
import { createSubscriptionStream } from '../src/subscriptions/createSubscriptionStream.ts';
import type { UpstreamConnections, UpstreamEvent } from '../src/subscriptions/createUpstreamConnections.ts';

/** A stream over a fake upstream (a sink the test drives) and a fake executor that echoes the event. */
function setup(queueSize = 3) {
  const calls: Array<{ subgraph: string; payload: SubscribePayload }> = [];
  let sink: Sink<UpstreamEvent> | undefined;
  let unsubscribed = 0;
  let ended = 0;
  let dropped = 0;
  const upstream: UpstreamConnections = {
    subscribe(subgraph, payload, s) {
      calls.push({ subgraph, payload });
      sink = s;
      return () => {
        unsubscribed += 1;
      };
    },
    openConnections: () => 0,
    activeSubscriptions: () => 0,
    dispose: () => undefined,
  };
  const executed: UpstreamEvent[] = [];
  const executor: EventExecutor = {
    async execute(_planned, event) {
      executed.push(event);
      return { data: event.data ?? null };
    },
  };
  const planned = {
    kind: 'subscription',
    primary: { kind: 'Fetch', serviceName: 'ticker', operation: 'subscription($n:Int){ticks(count:$n){index}}', operationName: undefined, variableUsages: ['n'], operationKind: 'subscription' },
  } as unknown as PlannedSubscription;
  const stream = createSubscriptionStream({
    planned,
    variables: { n: 5, unused: 'not sent upstream' },
    operationName: 'Ticks',
    context: { claims: claimsFor('0b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b'), requestId: 'req-12345678', log: silentLogger },
    upstream,
    executor,
    queueSize,
    onDrop: () => {
      dropped += 1;
    },
    onEnd: () => {
      ended += 1;
    },
  });
  return { stream, calls, sink: () => sink!, executed, counts: () => ({ unsubscribed, ended, dropped }) };
}

const tick = (index: number): UpstreamEvent => ({ data: { ticks: { index } } });

describe('createSubscriptionStream', () => {
  it('opens the primary fetch upstream with only the variables it uses and the request id', () => {
    const { calls } = setup();
    expect(calls).toEqual([
      {
        subgraph: 'ticker',
        payload: { query: 'subscription($n:Int){ticks(count:$n){index}}', operationName: undefined, variables: { n: 5 }, extensions: { requestId: 'req-12345678' } },
      },
    ]);
  });

  it('executes events in arrival order, one at a time, and completes with the upstream', async () => {
    const { stream, sink, counts } = setup();
    sink().next(tick(0));
    sink().next(tick(1));
    expect(await stream.next()).toEqual({ done: false, value: { data: { ticks: { index: 0 } } } });
    expect(await stream.next()).toEqual({ done: false, value: { data: { ticks: { index: 1 } } } });
    const waiting = stream.next();
    sink().next(tick(2));
    expect(await waiting).toEqual({ done: false, value: { data: { ticks: { index: 2 } } } });
    sink().complete();
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(counts()).toEqual({ unsubscribed: 1, ended: 1, dropped: 0 });
  });

  it('drops the oldest events for a client that reads slower than they arrive, never holding more than the queue', async () => {
    const { stream, sink, executed, counts } = setup(3);
    for (let i = 0; i < 10; i += 1) sink().next(tick(i));
    expect(counts().dropped).toBe(7);
    const read = [await stream.next(), await stream.next(), await stream.next()];
    expect(read.map((r) => (r.value as { data: { ticks: { index: number } } }).data.ticks.index)).toEqual([7, 8, 9]);
    // Dropped events were never executed (no entity fetches for events nobody will see).
    expect(executed).toHaveLength(3);
    await stream.return(undefined);
  });

  it('return() frees everything at once, even while a reader waits, and only once', async () => {
    const { stream, counts } = setup();
    const waiting = stream.next();
    await stream.return(undefined);
    expect(await waiting).toEqual({ done: true, value: undefined });
    await stream.return(undefined);
    expect(counts()).toEqual({ unsubscribed: 1, ended: 1, dropped: 0 });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('turns a lost upstream into SERVICE_UNAVAILABLE and a typed upstream refusal into its code', async () => {
    const lost = setup();
    lost.sink().error({ code: 1006, reason: '' });
    await expect(lost.stream.next()).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(lost.counts()).toMatchObject({ unsubscribed: 1, ended: 1 });

    const refused = setup();
    refused.sink().error([{ message: 'At most 50 operations at once', extensions: { code: 'QUOTA_EXCEEDED' } }]);
    await expect(refused.stream.next()).rejects.toMatchObject({ message: 'At most 50 operations at once', extensions: { code: 'QUOTA_EXCEEDED' } });

    const internal = setup();
    internal.sink().error([{ message: 'Cannot query field "x" on type "Tick".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
    const error = await internal.stream.next().catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'upstream refused the subscription' });
    expect((error as { extensions: Record<string, unknown> }).extensions.code).toBeUndefined();
  });
});
