/**
 * Transaction-local setting with which the gateway's partner lookup reads keys and clients of every
 * tenant (select only; see migration 003). Only createPartnerLookup sets it, and only for a caller
 * with the PARTNER_LOOKUP_SCOPE; a request path of a tenant never does.
 */
export const PARTNER_LOOKUP_SETTING = 'app.partner_lookup';

/** The scope of the gateway's internal identity that may call partnerAccess / partnerDocument. */
export const PARTNER_LOOKUP_SCOPE = 'internal:partner-lookup';
