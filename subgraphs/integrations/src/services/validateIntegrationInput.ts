import { badInput } from '../../../kit/src/errors.ts';

/** Input rules of the integrations subgraph; each failure is BAD_USER_INPUT naming the problem. */
export const NAME_MAX_CHARS = 100;
export const ENDPOINT_MAX_CHARS = 2048;
export const CREDENTIALS_MAX_BYTES = 8 * 1024;
export const CREDENTIALS_MAX_FIELDS = 32;
export const CREDENTIAL_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

const CONTROL = /\p{Cc}/u;

// The kit holds the one id rule every subgraph checks.
export { isUuid } from '../../../kit/src/isUuid.ts';

export function validateIntegrationName(value: string): string {
  const name = value.trim();
  const length = [...name].length;
  if (length < 1 || length > NAME_MAX_CHARS) {
    throw badInput(`\`name\` must be 1 to ${NAME_MAX_CHARS} characters, got ${length}`, { field: 'name' });
  }
  if (CONTROL.test(name)) throw badInput('`name` must not contain control characters', { field: 'name' });
  return name;
}

/** An http(s) URL, or null. Credentials in the URL are refused: the endpoint is shown in clear. */
export function validateEndpoint(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const endpoint = value.trim();
  if (endpoint.length === 0) throw badInput('`endpoint` must be an http or https URL, or null; got an empty string', { field: 'endpoint' });
  if (endpoint.length > ENDPOINT_MAX_CHARS) throw badInput(`\`endpoint\` must be at most ${ENDPOINT_MAX_CHARS} characters`, { field: 'endpoint' });
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw badInput('`endpoint` is not a valid URL', { field: 'endpoint' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badInput(`\`endpoint\` must use http or https, got ${url.protocol.replace(/:$/, '')}`, { field: 'endpoint' });
  }
  if (url.username || url.password) {
    throw badInput('`endpoint` must not contain a user name or password; put secrets in `credentials`', { field: 'endpoint' });
  }
  return endpoint;
}

export interface ValidCredentials {
  /** The field names, sorted: what the graph may show. */
  fields: string[];
  /** The JSON text to encrypt. */
  plaintext: string;
}

/**
 * Credentials are a flat JSON object of strings, at most 32 fields and 8 KiB serialized. Error
 * messages name the offending field, never a value (values are secrets).
 */
export function validateCredentials(value: unknown, argument = 'credentials'): ValidCredentials {
  const details = (extra: Record<string, unknown> = {}) => ({ field: argument, ...extra });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badInput(`\`${argument}\` must be a JSON object whose values are strings`, details());
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw badInput(`\`${argument}\` must be a plain JSON object`, details());
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > CREDENTIALS_MAX_FIELDS) {
    throw badInput(`\`${argument}\` may have at most ${CREDENTIALS_MAX_FIELDS} fields, got ${entries.length}`, details());
  }
  for (const [name, fieldValue] of entries) {
    if (!CREDENTIAL_FIELD_NAME.test(name)) {
      throw badInput(
        `credential field name ${JSON.stringify(name.slice(0, 70))} must start with a letter and have only letters, digits and underscores (at most 64 characters)`,
        details({ credentialField: name.slice(0, 70) }),
      );
    }
    if (typeof fieldValue !== 'string') {
      throw badInput(`credential field "${name}" must be a string, got ${describeType(fieldValue)}`, details({ credentialField: name }));
    }
  }
  const sorted = entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const plaintext = JSON.stringify(Object.fromEntries(sorted));
  const bytes = Buffer.byteLength(plaintext, 'utf8');
  if (bytes > CREDENTIALS_MAX_BYTES) {
    throw badInput(`\`${argument}\` must be at most ${CREDENTIALS_MAX_BYTES} bytes serialized (8 KiB), got ${bytes}`, details());
  }
  return { fields: sorted.map(([name]) => name), plaintext };
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
