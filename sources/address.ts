/**
 * Which addresses a source URL may reach. By default a feed or article URL cannot point at the
 * machine itself or its private network (loopback, RFC 1918, link-local such as the cloud metadata
 * address 169.254.169.254, unique-local IPv6): a chat user adding a source must not be able to make
 * the bot read internal services. Checked on literal IPs before connecting and on every address DNS
 * returns, at connect time (so a name that resolves to a private address is refused too).
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { SourceError } from "./errors.ts";

const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net, bits, "ipv6");

/** True when the address is loopback, private, link-local, multicast or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, "ipv4");
    return blocked.check(address, "ipv6");
  }
  return false;
}

/** Throws when the URL names a private address literally (names are checked when they resolve). */
export function assertPublicHost(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && isPrivateAddress(host))
    throw new SourceError("invalid-url", `refusing to fetch a private network address (${url.host})`, {
      url: url.href,
    });
  if (host === "localhost" || host.endsWith(".localhost"))
    throw new SourceError("invalid-url", `refusing to fetch a private network address (${url.host})`, {
      url: url.href,
    });
}

/** A DNS lookup for net.connect that fails when a name resolves to a private address. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, "", 0);
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) {
      const e = new SourceError(
        "invalid-url",
        `refusing to fetch ${hostname}: it resolves to a private address`,
      );
      return callback(e as unknown as NodeJS.ErrnoException, "", 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    if (!first) return callback(new Error(`no address for ${hostname}`) as NodeJS.ErrnoException, "", 0);
    callback(null, first.address, first.family);
  });
};
