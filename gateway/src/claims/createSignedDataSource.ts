import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CONTEXT_HEADER } from '../../../subgraphs/kit/src/auth/contextToken.ts';
import type { ContextSigner } from '../../../subgraphs/kit/src/auth/contextToken.ts';
import type { GatewayContext } from '../GatewayContext.ts';
import { createContextTokenCache } from './createContextTokenCache.ts';

/**
 * Every subgraph fetch carries the caller's claims as one token the gateway signs for that
 * subgraph. Client headers are never forwarded: nothing a client sends can pose as claims.
 * Node's own fetch (undici) replaces the default make-fetch-happen stack, which costs more CPU
 * per request and adds an HTTP cache that subgraph POSTs never use.
 */
type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;

export function createSignedDataSource(options: { name: string; url: string; signer: ContextSigner; tokenTtlSeconds: number }) {
  const { name } = options;
  const tokens = createContextTokenCache({ signer: options.signer, reuseSeconds: Math.floor(options.tokenTtlSeconds / 2) });
  return new RemoteGraphQLDataSource<GatewayContext>({
    url: options.url,
    fetcher: fetch as unknown as Fetcher,
    async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
      const headers = request.http?.headers;
      if (!headers || !context?.claims) return;
      headers.set(CONTEXT_HEADER, await tokens.get(context.claims, name));
      headers.set('x-request-id', context.requestId);
    },
  });
}
