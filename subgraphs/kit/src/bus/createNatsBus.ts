import { connect, nanos } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { jetstream, jetstreamManager, AckPolicy, DeliverPolicy, JetStreamApiError, JetStreamApiCodes } from '@nats-io/jetstream';
import type { EventBus, Consumption } from './EventBus.ts';
import { isPlatformEvent } from './PlatformEvent.ts';
import type { Logger } from '../log.ts';
import { describeError } from '../errors.ts';

export interface NatsBusOptions {
  servers: string;
  /** JetStream stream holding the events (tests use their own). */
  stream?: string;
  /** Subjects are `<subjectPrefix>.<event type>`. */
  subjectPrefix?: string;
  /** How long a handler has before the event is redelivered. */
  ackWaitMs?: number;
  maxDeliver?: number;
  /** How long the stream keeps an event (its max age; default: no limit). */
  maxAgeMs?: number;
  log: Logger;
  name?: string;
}

export const DAY_MS = 86_400_000;

/** Durable events on NATS JetStream: one stream, one durable pull consumer per (service, purpose). */
export async function createNatsBus(options: NatsBusOptions): Promise<EventBus & { connection: NatsConnection }> {
  const stream = options.stream ?? 'PLATFORM_EVENTS';
  const prefix = options.subjectPrefix ?? 'events';
  const ackWaitMs = options.ackWaitMs ?? 30_000;
  const maxDeliver = options.maxDeliver ?? 10;
  const { log } = options;
  const nc = await connect({ servers: options.servers, name: options.name, maxReconnectAttempts: -1 });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  const config = {
    name: stream,
    subjects: [`${prefix}.>`],
    duplicate_window: nanos(120_000),
    ...(options.maxAgeMs ? { max_age: nanos(options.maxAgeMs) } : {}),
  };
  try {
    await jsm.streams.info(stream);
    await jsm.streams.update(stream, config);
  } catch (error) {
    if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound)) throw error;
    await jsm.streams.add(config);
  }
  const consumptions = new Set<Consumption>();

  /** True only when the broker says the durable does not exist (not on a network error). */
  async function consumerIsGone(durable: string): Promise<boolean> {
    try {
      await jsm.consumers.info(stream, durable);
      return false;
    } catch (error) {
      return error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound;
    }
  }

  return {
    kind: 'nats',
    connection: nc,
    async publish(event) {
      // msgID makes a republished event (a retried request) land once within the dedup window.
      await js.publish(`${prefix}.${event.type}`, JSON.stringify(event), { msgID: event.id });
    },
    async consume(opts) {
      /** Creates the durable (or finds it as it is) and returns its handle. */
      const openConsumer = async () => {
        await jsm.consumers.add(stream, {
          durable_name: opts.durable,
          ack_policy: AckPolicy.Explicit,
          ack_wait: nanos(ackWaitMs),
          max_deliver: maxDeliver,
          filter_subject: `${prefix}.>`,
          deliver_policy: DeliverPolicy.All,
        });
        return js.consumers.get(stream, opts.durable);
      };
      let consumer = await openConsumer();
      const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 1));
      /** Messages being handled here: kept from redelivery (working) until acknowledged. */
      const held = new Set<JsMsg>();
      const inFlight = new Set<Promise<void>>();
      let stopped = false;
      let batch: ConsumerMessages | null = null;
      let slotFreed: () => void = () => undefined;

      // A message whose connection closed under it cannot be acked: JetStream redelivers it.
      const settle = (what: string, fn: () => void) => {
        try {
          fn();
        } catch (error) {
          log.warn('could not settle an event with the broker; it will be redelivered', { durable: opts.durable, what, error: describeError(error) });
        }
      };
      const heartbeat = setInterval(() => {
        for (const message of held) settle('working', () => message.working());
      }, Math.max(100, Math.floor(ackWaitMs / 3)));
      heartbeat.unref();

      async function handle(message: JsMsg): Promise<void> {
        let event: unknown;
        try {
          event = message.json();
        } catch {
          event = undefined;
        }
        if (!isPlatformEvent(event)) {
          log.warn('malformed event discarded', { subject: message.subject, seq: message.seq });
          settle('term', () => message.term('malformed'));
          return;
        }
        if (!opts.types.includes(event.type)) {
          settle('ack', () => message.ack());
          return;
        }
        held.add(message);
        try {
          await opts.handler(event);
          settle('ack', () => message.ack());
        } catch (error) {
          const attempt = message.info.deliveryCount;
          log.warn('event handler failed, will be redelivered', {
            durable: opts.durable,
            eventId: event.id,
            attempt,
            error: error instanceof Error ? error.message : String(error),
          });
          settle('nak', () => message.nak(Math.min(30_000, 250 * 2 ** attempt)));
        } finally {
          held.delete(message);
        }
      }

      // Pulls only as many messages as there are free handler slots, so none waits here unseen
      // while its ack wait runs out; the ones being handled are kept alive by the heartbeat.
      const loop = (async () => {
        while (!stopped) {
          if (inFlight.size >= concurrency) {
            await new Promise<void>((resolve) => (slotFreed = resolve));
            continue;
          }
          try {
            batch = await consumer.fetch({ max_messages: concurrency - inFlight.size, expires: 5_000 });
            for await (const message of batch) {
              const running: Promise<void> = handle(message)
                .catch((error: unknown) => log.error('event handling failed unexpectedly', { durable: opts.durable, error: describeError(error) }))
                .finally(() => {
                  inFlight.delete(running);
                  slotFreed();
                });
              inFlight.add(running);
            }
          } catch (error) {
            if (stopped) break;
            log.error('could not pull events; retrying', { durable: opts.durable, error: describeError(error) });
            await new Promise((resolve) => setTimeout(resolve, 1_000));
            // A durable deleted on the broker comes back (from the oldest retained event; handlers are idempotent).
            if (!stopped && (await consumerIsGone(opts.durable))) {
              try {
                consumer = await openConsumer();
                log.error('durable consumer was gone from the broker; created it again', { durable: opts.durable });
              } catch (recreateError) {
                log.error('could not create the durable consumer again', { durable: opts.durable, error: describeError(recreateError) });
              }
            }
          } finally {
            batch = null;
          }
        }
        await Promise.allSettled([...inFlight]);
      })().catch((error: unknown) => {
        log.error('event consumer stopped unexpectedly', { durable: opts.durable, error: error instanceof Error ? error.message : String(error) });
      });
      const consumption: Consumption = {
        async stop() {
          consumptions.delete(consumption);
          stopped = true;
          slotFreed();
          await batch?.close();
          await loop;
          clearInterval(heartbeat);
        },
      };
      consumptions.add(consumption);
      return consumption;
    },
    async retentionMs() {
      const maxAge = (await jsm.streams.info(stream)).config.max_age;
      return maxAge > 0 ? maxAge / 1_000_000 : null;
    },
    async close() {
      for (const c of [...consumptions]) await c.stop();
      await nc.drain();
    },
  };
}
