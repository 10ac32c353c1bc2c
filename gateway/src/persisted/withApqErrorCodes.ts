import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../../subgraphs/kit/src/errors.ts';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

// Apollo Server raises these APQ protocol errors (HTTP 400) without an `extensions.code`, so they
// would otherwise be masked as INTERNAL_SERVER_ERROR. The apq test pins the messages.
const APQ_CLIENT_ERRORS = new Set(['provided sha does not match query', 'Unsupported persisted query version']);

/** Gives Apollo's code-less APQ errors the BAD_REQUEST code before `formatError` masks the rest. */
export function withApqErrorCodes(formatError: FormatError): FormatError {
  return (formatted, error) => {
    const code = formatted.extensions?.code;
    if ((code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) && APQ_CLIENT_ERRORS.has(formatted.message)) {
      return formatError({ ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_REQUEST } }, error);
    }
    return formatError(formatted, error);
  };
}
