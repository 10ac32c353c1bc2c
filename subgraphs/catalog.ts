/**
 * The composition list: every subgraph of the supergraph, its SDL file and its default port.
 * Adding a subgraph is one folder under subgraphs/, one SDL file under schema/ and one line here.
 */
export interface SubgraphEntry {
  readonly name: string;
  readonly port: number;
}

export const subgraphCatalog: readonly SubgraphEntry[] = [
  { name: 'tenants', port: 4001 },
  { name: 'conversations', port: 4002 },
  { name: 'models', port: 4003 },
  { name: 'integrations', port: 4004 },
  { name: 'analytics', port: 4005 },
  { name: 'simulations', port: 4006 },
];

export const GATEWAY_PORT = 4000;

export function defaultSubgraphUrl(entry: SubgraphEntry): string {
  return `http://localhost:${entry.port}/graphql`;
}
