// Query parameters that only say where a click came from; the page is the same without them.
const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "yclid",
  "twclid",
  "igshid",
  "mc_cid",
  "mc_eid",
  "ocid",
  "cmpid",
  "xtor",
  "ref",
  "ref_src",
  "ref_url",
  "referrer",
  "_ga",
  "_gl",
  "mkt_tok",
  "wtmc",
  "icid",
  "sara_ref",
]);
// Prefixes of campaign tag families: Google (utm_), AT Internet (at_), comScore (ns_), Webtrekk (wt_),
// Piwik/Matomo (pk_, mtm_).
const TRACKING_PREFIXES = ["utm_", "at_", "ns_", "wt_", "pk_", "mtm_"];

function isTracking(rawKey: string): boolean {
  let key: string;
  try {
    key = decodeURIComponent(rawKey.replaceAll("+", " ")).toLowerCase();
  } catch {
    return false; // undecodable: not one of ours, keep it
  }
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * The one spelling of an article URL used for dedupe: tracking parameters and the fragment dropped, host
 * lower-cased, default port dropped, the remaining query parameters sorted. Parameters keep their exact bytes
 * (no re-encoding), so the URL still fetches the same page. Throws TypeError for a string that is not a URL.
 */
export function canonicalUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = "";
  const pairs = parsed.search
    .slice(1)
    .split("&")
    .filter((pair) => pair !== "" && !isTracking(pair.split("=", 1)[0]!));
  // Sort by key only (stable), so repeated keys keep their order: a[]=1&a[]=2 means something.
  const key = (pair: string) => pair.split("=", 1)[0]!;
  pairs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  parsed.search = pairs.length > 0 ? `?${pairs.join("&")}` : "";
  return parsed.href;
}
