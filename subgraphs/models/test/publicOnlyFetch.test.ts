import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '../src/providers/publicOnlyFetch.ts';

describe('isPublicAddress', () => {
  it('refuses this host, private networks, link-local (cloud metadata), CGNAT and reserved ranges', () => {
    for (const address of [
      '127.0.0.1',
      '127.255.255.254',
      '0.0.0.0',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '198.18.0.1',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      'fd00::1',
      'fe80::1',
      'ff02::1',
      // IPv4 inside IPv6: judged by the IPv4.
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
      '64:ff9b::10.0.0.1',
      // Tunnels and translations to IPv4.
      '::7f00:1',
      '::ffff:0:7f00:1',
      '2002:7f00:1::',
      '2001:0:4136:e378:8000:63bf:3fff:fdd2',
      '64:ff9b:1::a00:1',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('accepts public addresses, including their IPv4-in-IPv6 forms', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2001:4860:4860::8888', '::ffff:8.8.8.8', '::ffff:808:808']) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });

  it('refuses what is not an IP address at all', () => {
    for (const value of ['', 'localhost', 'example.com', '999.1.1.1', '1.2.3']) expect(isPublicAddress(value), value).toBe(false);
  });
});
