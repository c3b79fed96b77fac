import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { isPrivateAddress } from "./private-address.ts";

/** A connection copydesk refused to open: the host is, or resolves to, a private address. */
export class PrivateAddressError extends Error {
  constructor() {
    super("the address is loopback, private or link-local");
    this.name = "PrivateAddressError";
  }
}

/**
 * The DNS lookup a connection uses, refusing a host any of whose addresses is private. The socket
 * connects to the very address checked here, so a name that answers differently the second time (DNS
 * rebinding) gains nothing. A name with one private address among public ones is refused too.
 */
export function checkedLookup(lookup: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const list = (Array.isArray(addresses) ? addresses : []) as LookupAddress[];
      const first = list[0];
      if (!first || list.some((entry) => isPrivateAddress(entry.address))) {
        return callback(new PrivateAddressError(), "");
      }
      if (options.all) callback(null, list);
      else callback(null, first.address, first.family);
    });
  };
}
