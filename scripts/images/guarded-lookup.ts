// A DNS lookup for http(s).request that refuses hosts resolving to addresses the policy forbids.
// The socket connects to exactly the addresses checked here, so a second (rebinding) answer
// cannot slip a private address in between the check and the connection.
import dns from "node:dns";
import type { LookupFunction } from "node:net";

export class RefusedAddressError extends Error {
  constructor(host: string, address: string) {
    super(`${host} resolves to non-public address ${address}`);
    this.name = "RefusedAddressError";
  }
}

export function guardedLookup(isAllowed: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    const family = typeof options.family === "number" ? options.family : 0;
    dns.lookup(hostname, { all: true, family }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname}: no address`), { code: "ENOTFOUND" }), "", 0);
      // Every answer must pass: a mixed answer is how rebinding attacks hide a private address.
      const refused = addresses.find((a) => !isAllowed(a.address));
      if (refused) return callback(new RefusedAddressError(hostname, refused.address), "", 0);
      if (options.all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
