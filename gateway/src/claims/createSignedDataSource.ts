import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CONTEXT_HEADER } from '../../../subgraphs/kit/src/auth/contextToken.ts';
import type { ContextSigner } from '../../../subgraphs/kit/src/auth/contextToken.ts';
import type { GatewayContext } from '../GatewayContext.ts';

/**
 * Every subgraph fetch carries the caller's claims as one token the gateway signs for that
 * subgraph. Client headers are never forwarded: nothing a client sends can pose as claims.
 */
export function createSignedDataSource(options: { name: string; url: string; signer: ContextSigner }) {
  const { name, signer } = options;
  return new RemoteGraphQLDataSource<GatewayContext>({
    url: options.url,
    async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
      const headers = request.http?.headers;
      if (!headers || !context?.claims) return;
      headers.set(CONTEXT_HEADER, await signer.sign(context.claims, name, context.requestId));
      headers.set('x-request-id', context.requestId);
    },
  });
}
