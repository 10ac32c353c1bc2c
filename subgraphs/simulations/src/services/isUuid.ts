const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a run (and must not reach a uuid column as an error). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
