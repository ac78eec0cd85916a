import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { FeedError } from "./feed-error";
import { networkError } from "./network-error";

/** Decides whether a resolved IP address may be connected to. */
export type AddressPolicy = (address: string) => boolean;

type Range = readonly [bytes: readonly number[], bits: number];

// Not reachable on the public internet (IANA special-purpose registry, RFC 6890 and successors).
const BLOCKED_V4: readonly Range[] = [
  [[0, 0, 0, 0], 8], // "this network"
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10], // carrier-grade NAT
  [[127, 0, 0, 0], 8],
  [[169, 254, 0, 0], 16], // link-local, incl. cloud metadata 169.254.169.254
  [[172, 16, 0, 0], 12],
  [[192, 0, 0, 0], 24],
  [[192, 0, 2, 0], 24],
  [[192, 88, 99, 0], 24],
  [[192, 168, 0, 0], 16],
  [[198, 18, 0, 0], 15],
  [[198, 51, 100, 0], 24],
  [[203, 0, 113, 0], 24],
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved and broadcast
];

// IPv6 forms that carry an IPv4 address: judged by that address.
const EMBEDDED_V4: readonly (readonly [Range, offset: number])[] = [
  [[[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96], 12], // IPv4-mapped ::ffff:a.b.c.d
  [[[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 96], 12], // IPv4-compatible ::a.b.c.d (also :: and ::1)
  [[[0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96], 12], // NAT64 64:ff9b::/96
  [[[0x20, 0x02], 16], 2], // 6to4 2002::/16
];

// Only global unicast 2000::/3 is public, minus these.
const GLOBAL_V6: Range = [[0x20], 3];
const BLOCKED_V6: readonly Range[] = [
  [[0x20, 0x01, 0, 0], 32], // Teredo
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
];

function inRange(bytes: readonly number[], [prefix, bits]: Range): boolean {
  for (let i = 0; i * 8 < bits; i++) {
    const take = Math.min(8, bits - i * 8);
    const mask = (0xff << (8 - take)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function parseV4(address: string): number[] {
  return address.split(".").map(Number);
}

/** 16 bytes of an IPv6 address in any textual form net.isIP accepts (with "::" and a dotted IPv4 tail). */
function parseV6(address: string): number[] {
  const groups = (text: string): number[] => {
    if (text === "") return [];
    const out: number[] = [];
    for (const part of text.split(":")) {
      if (part.includes(".")) {
        const [a = 0, b = 0, c = 0, d = 0] = parseV4(part);
        out.push((a << 8) | b, (c << 8) | d);
      } else {
        out.push(Number.parseInt(part, 16));
      }
    }
    return out;
  };
  const [head = "", tail] = address.split("::");
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const words = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

function isPublicV4(bytes: readonly number[]): boolean {
  return !BLOCKED_V4.some((range) => inRange(bytes, range));
}

/** True when an IP address is reachable on the public internet: not loopback, private, link-local, CGNAT, multicast, reserved, nor an IPv6 wrapper of such an IPv4 address. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return isPublicV4(parseV4(address));
  if (family !== 6) return false;
  const bytes = parseV6(address);
  for (const [range, offset] of EMBEDDED_V4) {
    if (inRange(bytes, range)) return isPublicV4(bytes.slice(offset, offset + 4));
  }
  return inRange(bytes, GLOBAL_V6) && !BLOCKED_V6.some((range) => inRange(bytes, range));
}

/** The policy fetches use: everything when the operator allows private feeds, else public addresses only. */
export function addressPolicy(allowPrivate: boolean, isAllowedAddress?: AddressPolicy): AddressPolicy {
  if (allowPrivate) return () => true;
  return isAllowedAddress ?? isPublicAddress;
}

/** The host of a URL as DNS and isIP see it: IPv6 literals without their brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}

/**
 * The checks that need no DNS: an http(s) URL whose host is not a "localhost" name nor a disallowed IP literal.
 * Names are checked when they are resolved, by guardedLookup.
 */
export function checkUrlTarget(url: string, allowed: AddressPolicy, checkNames: boolean): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FeedError("bad_url", `"${url.slice(0, 200)}" is not a valid URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new FeedError("bad_url", `${parsed.protocol} URLs are not fetched, only http and https`);
  }
  const host = hostOf(parsed);
  if (checkNames && isLocalName(host)) {
    throw new FeedError("blocked_address", `${host} is a local name; refused`);
  }
  if (isIP(host) !== 0 && !allowed(host)) {
    throw new FeedError("blocked_address", `${host} is a private or reserved address; refused`);
  }
  return parsed;
}

/**
 * A lookup for http.request that refuses names resolving to any disallowed address, so the socket connects
 * only to an address that was checked (no DNS-rebinding window between check and connect).
 */
export function guardedLookup(allowed: AddressPolicy, lookup: LookupFunction = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, answer, family) => {
      if (err) return callback(err, "", 0);
      const addresses: LookupAddress[] =
        typeof answer === "string" ? [{ address: answer, family: family ?? isIP(answer) }] : answer;
      if (addresses.length === 0) {
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
      }
      const blocked = addresses.find((a) => !allowed(a.address));
      if (blocked) {
        const error = new FeedError(
          "blocked_address",
          `${hostname} resolves to ${blocked.address}, a private or reserved address; refused`,
        );
        return callback(error as NodeJS.ErrnoException, "", 0);
      }
      const [first] = addresses as [LookupAddress];
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

/** Throws FeedError unless the URL is http(s) and its host resolves only to public addresses. */
export async function assertPublicUrl(url: string, lookup?: LookupFunction): Promise<URL> {
  const parsed = checkUrlTarget(url, isPublicAddress, true);
  const host = hostOf(parsed);
  if (isIP(host) !== 0) return parsed;
  const guarded = guardedLookup(isPublicAddress, lookup);
  await new Promise<void>((resolve, reject) => {
    guarded(host, { all: true }, (err) => {
      if (err) reject(networkError(err, host));
      else resolve();
    });
  });
  return parsed;
}

/**
 * Why a feed URL may not be added: its host is a local name or a private or reserved address, by
 * literal or by what its name resolves to now. Null when it may be added, also when the name does
 * not resolve from here: the fetch decides then, and checks every connection's address again.
 */
export async function privateTargetRefusal(url: string, lookup?: LookupFunction): Promise<string | null> {
  try {
    await assertPublicUrl(url, lookup);
    return null;
  } catch (error) {
    return error instanceof FeedError && error.reason === "blocked_address" ? error.message : null;
  }
}
