import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { readFile } from 'node:fs/promises';

/**
 * The baseline of the gateway benchmark: plain @apollo/gateway on the same subgraphs, with no
 * authentication and one fixed, pre-signed context header (subgraphs still demand one).
 * Configured by the benchmark through the environment; not part of the product.
 */
const supergraphSdl = await readFile(process.env.SUPERGRAPH_PATH ?? 'schema/supergraph.graphql', 'utf8');
const headers: Record<string, string> = JSON.parse(process.env.BENCH_SUBGRAPH_HEADERS ?? '{}');
const urls: Record<string, string> = JSON.parse(process.env.BENCH_SUBGRAPH_URLS ?? '{}');
const gateway = new ApolloGateway({
  supergraphSdl,
  buildService: ({ name, url }) =>
    new RemoteGraphQLDataSource({
      url: urls[name] ?? url,
      willSendRequest({ request }) {
        const header = headers[name];
        if (header) request.http?.headers.set('x-platform-context', header);
      },
    }),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT ?? 0), host: '127.0.0.1' } });
console.log(JSON.stringify({ msg: 'plain gateway ready', url }));
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
