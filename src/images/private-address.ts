import { BlockList, isIP } from "node:net";

/**
 * IPv4 ranges that are not the public internet: this network, RFC 1918, CGNAT, loopback, link-local
 * (cloud metadata at 169.254.169.254), IETF protocol assignments, documentation and benchmarking,
 * multicast, and the reserved 240/4 up to broadcast.
 */
const IPV4: ReadonlyArray<readonly [string, number]> = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];

/** IPv6 ranges of the same kinds; IPv4-compatible ::/96 (deprecated) takes :: and ::1 with it. */
const IPV6: ReadonlyArray<readonly [string, number]> = [
  ["::", 96],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 32],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
];

let blocked: BlockList | undefined;

/**
 * Made on first use: a BlockList is a native handle the startup snapshot cannot hold. Node's BlockList
 * matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against the IPv4 rules by itself.
 */
function blockList(): BlockList {
  if (blocked) return blocked;
  const list = new BlockList();
  for (const [network, prefix] of IPV4) {
    list.addSubnet(network, prefix, "ipv4");
    // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that a gateway connects to.
    const [high, low] = hexGroups(network);
    list.addSubnet(`64:ff9b::${high}:${low}`, 96 + prefix, "ipv6");
    list.addSubnet(`2002:${high}:${low}::`, 16 + prefix, "ipv6");
  }
  for (const [network, prefix] of IPV6) list.addSubnet(network, prefix, "ipv6");
  blocked = list;
  return list;
}

/**
 * Whether an IP address is loopback, private, link-local, unique-local, unspecified, multicast or
 * otherwise not on the public internet. Anything that is not an IP address counts as private.
 */
export function isPrivateAddress(address: string): boolean {
  // A zone (fe80::1%eth0) only ever comes with a link-local address, and BlockList does not take it.
  const plain = address.replace(/%.*$/, "");
  const family = isIP(plain);
  if (family === 0) return true;
  return blockList().check(plain, family === 4 ? "ipv4" : "ipv6");
}

/** A URL's hostname as an IP address ("[::1]" without brackets), or undefined for a name. */
export function hostAddress(hostname: string): string | undefined {
  const bare = hostname.replace(/^\[(.*)\]$/, "$1");
  return isIP(bare) === 0 ? undefined : bare;
}

function hexGroups(ipv4: string): [string, string] {
  const [a = 0, b = 0, c = 0, d = 0] = ipv4.split(".").map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
