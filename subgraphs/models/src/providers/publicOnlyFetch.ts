import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import type { FetchLike } from './openEventStream.ts';

/**
 * Addresses a tenant's provider URL may not reach: this host, the private networks, link-local
 * (cloud metadata at 169.254.169.254), shared/CGNAT, benchmarking, multicast and reserved ranges,
 * and their IPv6 counterparts, tunnels to IPv4 included (IPv4-compatible and -translated, Teredo,
 * 6to4, local NAT64). IPv4-mapped and well-known NAT64 addresses are judged by the IPv4 inside.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
/** IPv6 ranges as [network, prefix length], matched on the 128-bit value (BlockList would match IPv4 against some of them). */
const blockedV6: ReadonlyArray<readonly [bigint, number]> = (
  [
    // Unspecified, loopback and the deprecated IPv4-compatible ::a.b.c.d.
    ['::', 96],
    // IPv4-translated (::ffff:0:a.b.c.d; IPv4-mapped ::ffff:a.b.c.d is judged by its IPv4 below).
    ['::ffff:0:0:0', 96],
    ['100::', 64],
    ['2001:db8::', 32],
    // Teredo and 6to4 tunnel to IPv4 hosts; local-use NAT64.
    ['2001::', 32],
    ['2002::', 16],
    ['64:ff9b:1::', 48],
    ['fc00::', 7],
    ['fe80::', 10],
    ['fec0::', 10],
    ['ff00::', 8],
  ] as const
).map(([network, prefix]) => [ipv6Value(network)!, prefix] as const);

/** An IPv6 address as its 128-bit value (a dotted IPv4 tail included); undefined if it is none. */
function ipv6Value(address: string): bigint | undefined {
  if (isIP(address) !== 6) return undefined;
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? (text.split('::') as [string, string]) : [text, undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  if (groups.length !== 8) return undefined;
  return groups.reduce((value, group) => (value << 16n) | BigInt(Number.parseInt(group, 16)), 0n);
}

function inV6Range(value: bigint, [network, prefix]: readonly [bigint, number]): boolean {
  const shift = BigInt(128 - prefix);
  return value >> shift === network >> shift;
}

/** The IPv4 address an IPv6 address carries (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96), if any. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return undefined;
  const high = Number.parseInt(hex[1]!, 16);
  const low = Number.parseInt(hex[2]!, 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** True for an address on the public internet; false for anything in the ranges above or not an IP. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !blocked.check(address, 'ipv4');
  if (family !== 6) return false;
  const inner = embeddedIpv4(address);
  if (inner !== undefined) return isPublicAddress(inner);
  const value = ipv6Value(address);
  return value !== undefined && !blockedV6.some((range) => inV6Range(value, range));
}

export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a private or reserved address (list its origin in PROVIDER_TRUSTED_ORIGINS to allow it)`);
    this.name = 'PrivateAddressError';
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * dns.lookup that fails when any address of the name is not public. It is what the socket
 * connects to, so a name that resolves elsewhere between a check and the connect (DNS
 * rebinding) cannot slip through.
 */
function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused) return callback(new PrivateAddressError(hostname, refused.address), []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}

let agent: Agent | undefined;

/**
 * fetch for URLs a tenant supplied (a provider row's baseUrl outside the configured and trusted
 * origins): it connects only to public addresses, whether the URL names an IP or a host, and
 * follows no redirects (a public server could otherwise send the request on to an internal one).
 */
export const publicOnlyFetch: FetchLike = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An IP in the URL is connected to directly, without a lookup.
  if (isIP(host) !== 0 && !isPublicAddress(host)) throw new TypeError('fetch failed', { cause: new PrivateAddressError(host, host) });
  agent ??= new Agent({ connect: { lookup: publicOnlyLookup } });
  const response = await undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: agent, redirect: 'error' });
  return response as unknown as Response;
};
