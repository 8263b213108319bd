/**
 * Where a webhook may connect: public unicast addresses only. The URL's host is resolved once per
 * check, every address it resolves to is classified (ipaddr.js), and a delivery connects to those
 * very addresses (`pinnedLookup`), so a name cannot answer public to the check and private to the
 * connection (DNS rebinding). IPv4 written in any form is normalized by the WHATWG URL parser
 * (2130706433, 0177.0.0.1, 0x7f.1, 127.1 are all 127.0.0.1); IPv4 inside IPv6 (mapped, NAT64,
 * 6to4) is judged by the IPv4 address it carries; other transition forms are refused outright.
 */
import ipaddr from 'ipaddr.js';
import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';

export type ResolvedAddress = { address: string; family: number };
/** Resolves a host name to all of its addresses (dns.lookup by default); rejects when it does not resolve. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolve: Resolve = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** Public addresses that are a cloud provider's host services all the same (Azure's wire server). */
const EXTRA_BLOCKED_V4: [ipaddr.IPv4, number][] = [[ipaddr.IPv4.parse('168.63.129.16'), 32]];
const GLOBAL_UNICAST_V6: [ipaddr.IPv6, number] = [ipaddr.IPv6.parse('2000::'), 3];
const NAT64_WELL_KNOWN: [ipaddr.IPv6, number] = [ipaddr.IPv6.parse('64:ff9b::'), 96];

function v4Verdict(ip: ipaddr.IPv4): string | undefined {
  const range = ip.range();
  if (range !== 'unicast') return range;
  if (EXTRA_BLOCKED_V4.some(([net, bits]) => ip.match(net, bits))) return 'cloud metadata';
  return undefined;
}

/** Why an address is not public (`loopback`, `private`, `linkLocal`, ...), or undefined when it is. */
export function nonPublicReason(address: string): string | undefined {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address.replace(/%.*$/, '')); // a zone index (fe80::1%eth0) names a local interface anyway
  } catch {
    return 'not an IP address';
  }
  if (ip.kind() === 'ipv4') return v4Verdict(ip as ipaddr.IPv4);
  const v6 = ip as ipaddr.IPv6;
  const range = v6.range();
  const parts = v6.parts;
  const embedded = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  if (range === 'ipv4Mapped') return v4Verdict(v6.toIPv4Address());
  if (range === 'rfc6052' && v6.match(...NAT64_WELL_KNOWN)) return v4Verdict(embedded(parts[6], parts[7]));
  if (range === '6to4') return v4Verdict(embedded(parts[1], parts[2]));
  if (range !== 'unicast') return range;
  // Outside 2000::/3 nothing is assigned for the public Internet (this also catches IPv4-compatible ::a.b.c.d).
  if (!v6.match(...GLOBAL_UNICAST_V6)) return 'reserved';
  return undefined;
}

/** `localhost` and `*.localhost` are loopback by definition (RFC 6761), whatever a resolver says. */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/** The URL's host as a resolver or a socket wants it: without IPv6 brackets. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/** A lookup that takes longer than this fails (retryable), whatever the resolver would still do. */
export const LOOKUP_TIMEOUT_MS = 5000;

export class RefusedAddress extends Error {}
export class LookupFailed extends Error {}

/**
 * The addresses a request to `host` may connect to: the literal itself, or every address the name
 * resolves to. Throws RefusedAddress when one of them is not public (unless `allowPrivate`), and
 * LookupFailed when the name does not resolve.
 */
export async function resolveTarget(
  host: string,
  resolve: Resolve,
  allowPrivate: boolean,
  timeoutMs = LOOKUP_TIMEOUT_MS,
): Promise<ResolvedAddress[]> {
  const family = isIP(host);
  if (family) {
    const reason = allowPrivate ? undefined : nonPublicReason(host);
    if (reason) throw new RefusedAddress(`${host} is not a public address (${reason})`);
    return [{ address: host, family }];
  }
  if (!allowPrivate && isLocalhostName(host)) throw new RefusedAddress(`${host} is a loopback name`);
  // `.invalid` never resolves (RFC 6761 6.4): no resolver is asked.
  if (/(^|\.)invalid\.?$/i.test(host))
    throw new LookupFailed(`DNS lookup of ${host} failed: ENOTFOUND (.invalid is never resolved)`);
  let addresses: ResolvedAddress[];
  let timer: NodeJS.Timeout | undefined;
  try {
    // getaddrinfo has no deadline of its own (an unreachable resolver takes its retries in full):
    // the lookup counts against the delivery's time like the request does.
    addresses = await Promise.race([
      resolve(host),
      new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
      ),
    ]);
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown } | null | undefined;
    throw new LookupFailed(`DNS lookup of ${host} failed: ${String(e?.code ?? e?.message ?? err)}`);
  } finally {
    clearTimeout(timer);
  }
  if (!addresses.length) throw new LookupFailed(`DNS lookup of ${host} failed: no addresses`);
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const reason = nonPublicReason(address);
      if (reason) throw new RefusedAddress(`${host} resolves to a non-public address (${reason})`); // which one is not told: it may be an internal name's
    }
  }
  return addresses;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that answers with the addresses already resolved and checked, so
 * the socket connects to one of them and the name is not looked up a second time.
 */
export function pinnedLookup(addresses: ResolvedAddress[]) {
  return (_hostname: string, options: { family?: number | string; all?: boolean }, callback: LookupCallback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family) || 0;
    const usable = family ? addresses.filter((a) => a.family === family) : addresses;
    if (!usable.length) {
      callback(
        Object.assign(new Error(`no IPv${family} address`), { code: 'ENOTFOUND' }),
        options.all ? [] : '',
        family,
      );
      return;
    }
    if (options.all)
      callback(
        null,
        usable.map((a) => ({ address: a.address, family: a.family })),
      );
    else callback(null, usable[0].address, usable[0].family);
  };
}
