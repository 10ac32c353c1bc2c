/** A shared key-value cache with TTLs: Redis in production, in-process on the embedded default. */
export interface Cache {
  readonly kind: 'redis' | 'memory';
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(...keys: string[]): Promise<void>;
  /** Adds one to a counter and returns it; a new counter lives `ttlSeconds` (later increments keep its expiry). Atomic across replicas on Redis. */
  increment(key: string, ttlSeconds: number): Promise<number>;
  close(): Promise<void>;
}
