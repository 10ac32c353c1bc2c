import type { PlatformEvent } from './PlatformEvent.ts';

export interface ConsumeOptions {
  /** Durable consumer name: a restarted service resumes where it stopped, replicas share the work. */
  durable: string;
  /** Event types to handle; others are acknowledged and skipped. */
  types: readonly string[];
  /** Must be idempotent by event id. A throw means "retry later". */
  handler: (event: PlatformEvent) => Promise<void>;
  /**
   * Events this process handles at once (default 1: one after another, in stream order). An event
   * being handled is not redelivered however long its handler takes, unless the process dies.
   */
  concurrency?: number;
}

export interface Consumption {
  stop(): Promise<void>;
}

/** Durable events between subgraphs: NATS JetStream in production, in-process on the embedded default. */
export interface EventBus {
  readonly kind: 'nats' | 'memory';
  publish(event: PlatformEvent): Promise<void>;
  consume(options: ConsumeOptions): Promise<Consumption>;
  /**
   * How long the stream keeps an event, as the broker has it now (null: no limit). Consumers that
   * keep dedup ids read it here rather than from their own configuration, which may differ.
   */
  retentionMs(): Promise<number | null>;
  close(): Promise<void>;
}
