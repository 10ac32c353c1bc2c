import { connect, nanos } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, AckPolicy, DeliverPolicy, JetStreamApiError, JetStreamApiCodes } from '@nats-io/jetstream';
import type { EventBus, Consumption } from './EventBus.ts';
import { isPlatformEvent } from './PlatformEvent.ts';
import type { Logger } from '../log.ts';

export interface NatsBusOptions {
  servers: string;
  /** JetStream stream holding the events (tests use their own). */
  stream?: string;
  /** Subjects are `<subjectPrefix>.<event type>`. */
  subjectPrefix?: string;
  /** How long a handler has before the event is redelivered. */
  ackWaitMs?: number;
  maxDeliver?: number;
  log: Logger;
  name?: string;
}

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
  const config = { name: stream, subjects: [`${prefix}.>`], duplicate_window: nanos(120_000) };
  try {
    await jsm.streams.info(stream);
    await jsm.streams.update(stream, config);
  } catch (error) {
    if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound)) throw error;
    await jsm.streams.add(config);
  }
  const consumptions = new Set<Consumption>();

  return {
    kind: 'nats',
    connection: nc,
    async publish(event) {
      // msgID makes a republished event (a retried request) land once within the dedup window.
      await js.publish(`${prefix}.${event.type}`, JSON.stringify(event), { msgID: event.id });
    },
    async consume(opts) {
      await jsm.consumers.add(stream, {
        durable_name: opts.durable,
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(ackWaitMs),
        max_deliver: maxDeliver,
        filter_subject: `${prefix}.>`,
        deliver_policy: DeliverPolicy.All,
      });
      const consumer = await js.consumers.get(stream, opts.durable);
      const messages = await consumer.consume({ max_messages: 64 });
      // A consumer deleted on the broker ends delivery silently: say so in the logs.
      void (async () => {
        for await (const status of messages.status()) {
          if (status.type === 'consumer_deleted' || status.type === 'consumer_not_found') {
            log.error('durable consumer is gone from the broker', { durable: opts.durable, status: status.type });
          }
        }
      })().catch(() => undefined);
      const loop = (async () => {
        for await (const message of messages) {
          let event: unknown;
          try {
            event = message.json();
          } catch {
            event = undefined;
          }
          if (!isPlatformEvent(event)) {
            log.warn('malformed event discarded', { subject: message.subject, seq: message.seq });
            message.term('malformed');
            continue;
          }
          if (!opts.types.includes(event.type)) {
            message.ack();
            continue;
          }
          try {
            await opts.handler(event);
            message.ack();
          } catch (error) {
            const attempt = message.info.deliveryCount;
            log.warn('event handler failed, will be redelivered', {
              durable: opts.durable,
              eventId: event.id,
              attempt,
              error: error instanceof Error ? error.message : String(error),
            });
            message.nak(Math.min(30_000, 250 * 2 ** attempt));
          }
        }
      })().catch((error: unknown) => {
        log.error('event consumer stopped unexpectedly', { durable: opts.durable, error: error instanceof Error ? error.message : String(error) });
      });
      const consumption: Consumption = {
        async stop() {
          consumptions.delete(consumption);
          await messages.close();
          await loop;
        },
      };
      consumptions.add(consumption);
      return consumption;
    },
    async close() {
      for (const c of [...consumptions]) await c.stop();
      await nc.drain();
    },
  };
}
