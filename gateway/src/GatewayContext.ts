import type { TenantClaims } from '../../subgraphs/kit/src/auth/claims.ts';
import type { Logger } from '../../subgraphs/kit/src/log.ts';

/** The gateway's request context: who is calling, and the id that ties its logs together. */
export interface GatewayContext {
  claims: TenantClaims;
  requestId: string;
  log: Logger;
}
