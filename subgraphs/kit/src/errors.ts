import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from './log.ts';

/**
 * The one catalog of error codes a client can see. Anything else that escapes a resolver is an
 * internal error: logged with the request id, shown as INTERNAL_SERVER_ERROR.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  BAD_REQUEST: 'BAD_REQUEST',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  PERSISTED_QUERY_NOT_ALLOWED: 'PERSISTED_QUERY_NOT_ALLOWED',
  /** Deeper, more aliased or costlier than the gateway's operation limits. */
  OPERATION_TOO_COMPLEX: 'OPERATION_TOO_COMPLEX',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const httpStatusOf: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
  BAD_REQUEST: 400,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  PERSISTED_QUERY_NOT_ALLOWED: 403,
  OPERATION_TOO_COMPLEX: 400,
};

/** Codes produced by graphql-js / Apollo Server itself that are safe to show as they are. */
const frameworkCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_ALLOWED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);
const publicCodes = new Set<string>([...Object.values(ErrorCode), ...frameworkCodes]);

export interface PlatformErrorOptions {
  /** Extra, client-safe details (for example the field or position of a mistake). */
  details?: Record<string, unknown>;
  /** Set only when the error ends the HTTP request (thrown from the context function). */
  httpStatus?: boolean;
  cause?: unknown;
}

/** An error a client is meant to see, with a catalog code in `extensions.code`. */
export class PlatformError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options: PlatformErrorOptions = {}) {
    const status = httpStatusOf[code];
    super(message, {
      originalError: options.cause instanceof Error ? options.cause : undefined,
      extensions: {
        code,
        ...options.details,
        ...(options.httpStatus && status ? { http: { status } } : {}),
      },
    });
    this.code = code;
  }
}

export const unauthenticated = (message = 'Authentication required', httpStatus = true) =>
  new PlatformError(ErrorCode.UNAUTHENTICATED, message, { httpStatus });
export const forbidden = (message = 'Not allowed') => new PlatformError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string, id: string) =>
  new PlatformError(ErrorCode.NOT_FOUND, `${what} ${JSON.stringify(id)} was not found`, { details: { id } });
export const badInput = (message: string, details?: Record<string, unknown>) =>
  new PlatformError(ErrorCode.BAD_USER_INPUT, message, { details });
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new PlatformError(ErrorCode.CONFLICT, message, { details });

export function isPublicCode(code: unknown): code is string {
  return typeof code === 'string' && publicCodes.has(code);
}

/**
 * Whether an error's extensions make it one a client may see as it is: a catalog code other than
 * INTERNAL_SERVER_ERROR, and not a forwarded non-2xx subgraph response (which carries the
 * subgraph's whole body in `response`). The masker and useErrorLogging share this one rule.
 */
export function isClientSafe(extensions: Readonly<Record<string, unknown>> | undefined): boolean {
  const code = extensions?.code;
  return isPublicCode(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR && !(extensions !== undefined && 'response' in extensions);
}

/**
 * Apollo Server `formatError`: passes catalog errors through and hides everything else (driver
 * errors, stack traces, subgraph internals) behind INTERNAL_SERVER_ERROR. Logging belongs to the
 * `useErrorLogging` plugin, which has the request's logger (request id, tenant); `log` is only for
 * a server that does not install it yet, and logs without them.
 */
export function createErrorMasker(log?: Logger) {
  return function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const code = formatted.extensions?.code;
    if (isClientSafe(formatted.extensions)) {
      const { stacktrace: _stack, exception: _exception, serviceName: _service, ...rest } = formatted.extensions ?? {};
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: rest };
    }
    log?.error('unexpected error', {
      error: describeError(error),
      path: formatted.path?.join('.'),
      code: typeof code === 'string' ? code : undefined,
    });
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** Bounds what one log line carries of a thrown value (a huge object must not flood the logs). */
export const MAX_DESCRIBED_CHARS = 2_000;

/** A thrown value as log fields: an Error's name, message and stack; anything else as (bounded) JSON. */
export function describeError(error: unknown): Record<string, unknown> {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof Error) return { name: original.name, message: original.message, stack: original.stack };
  return { value: describeValue(original) };
}

function describeValue(value: unknown): string {
  let text: string | undefined;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'object' && value !== null) {
    try {
      text = JSON.stringify(value);
    } catch {
      // A cycle, a BigInt or a throwing toJSON: the type name below is all that can be said.
    }
  }
  if (text === undefined) {
    try {
      text = String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > MAX_DESCRIBED_CHARS ? `${text.slice(0, MAX_DESCRIBED_CHARS)}… (${text.length} characters)` : text;
}
