import { describe, expect, it } from "vitest";
import { assertPublicUrl, isPublicAddress } from "./address-guard";
import { FeedError } from "./feed-error";
import { fakeResolver } from "./testing/local-server";

const BLOCKED = {
  "loopback 127/8": ["127.0.0.1", "127.255.255.254"],
  "private 10/8": ["10.0.0.1", "10.255.255.255"],
  "private 172.16/12": ["172.16.0.1", "172.31.255.255"],
  "private 192.168/16": ["192.168.0.1", "192.168.255.255"],
  "link-local and metadata 169.254/16": ["169.254.0.1", "169.254.169.254"],
  "this network 0/8": ["0.0.0.0", "0.1.2.3"],
  "CGNAT 100.64/10": ["100.64.0.1", "100.127.255.255"],
  "multicast and reserved": ["224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255"],
  "documentation and benchmarking": ["192.0.2.1", "198.51.100.1", "203.0.113.1", "198.18.0.1"],
  "IPv6 loopback and unspecified": ["::1", "::"],
  "IPv6 unique local fc00::/7": ["fc00::1", "fd12:3456::1"],
  "IPv6 link-local fe80::/10": ["fe80::1", "febf::1"],
  "IPv6 multicast": ["ff02::1"],
  "IPv4-mapped IPv6": ["::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "::ffff:a9fe:a9fe"],
  "IPv4 inside NAT64 and 6to4": ["64:ff9b::7f00:1", "2002:7f00:1::1", "2002:c0a8:101::"],
  "IPv6 documentation and Teredo": ["2001:db8::1", "2001:0:4136:e378::1"],
};
const PUBLIC = ["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2a00:1450:4001::200e", "::ffff:8.8.8.8"];

describe("isPublicAddress", () => {
  for (const [kind, addresses] of Object.entries(BLOCKED)) {
    it(`blocks ${kind}`, () => {
      for (const address of addresses) expect([address, isPublicAddress(address)]).toEqual([address, false]);
    });
  }

  it("allows public IPv4 and IPv6, including next to the private ranges", () => {
    for (const address of PUBLIC) expect([address, isPublicAddress(address)]).toEqual([address, true]);
  });

  it("rejects what is not an IP address", () => {
    expect(isPublicAddress("example.com")).toBe(false);
    expect(isPublicAddress("")).toBe(false);
  });
});

describe("assertPublicUrl", () => {
  const lookup = fakeResolver({
    "news.example": "93.184.216.34",
    "intranet.example": "10.0.0.1",
    "split.example": ["93.184.216.34", "127.0.0.1"],
    "v6.example": "::ffff:169.254.169.254",
  });

  async function reason(url: string): Promise<string> {
    const error = await assertPublicUrl(url, lookup).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FeedError);
    return (error as FeedError).reason;
  }

  it("accepts a name resolving to a public address", async () => {
    await expect(assertPublicUrl("https://news.example/rss", lookup)).resolves.toBeInstanceOf(URL);
  });

  it("refuses names resolving to private addresses, even one of several", async () => {
    expect(await reason("http://intranet.example/feed")).toBe("blocked_address");
    expect(await reason("http://split.example/feed")).toBe("blocked_address");
    expect(await reason("http://v6.example/feed")).toBe("blocked_address");
  });

  it("refuses localhost names and private literals in every spelling the URL parser accepts", async () => {
    for (const url of [
      "http://localhost/",
      "http://LOCALHOST./",
      "http://api.localhost/",
      "http://127.0.0.1:8080/",
      "http://2130706433/",
      "http://0x7f.1/",
      "http://[::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://[::ffff:7f00:1]/",
      "http://169.254.169.254/latest/meta-data/",
      "http://0.0.0.0/",
    ]) {
      expect([url, await reason(url)]).toEqual([url, "blocked_address"]);
    }
  });

  it("refuses other schemes, bad URLs and unknown names", async () => {
    expect(await reason("file:///etc/passwd")).toBe("bad_url");
    expect(await reason("gopher://news.example/")).toBe("bad_url");
    expect(await reason("not a url")).toBe("bad_url");
    expect(await reason("http://nowhere.example/")).toBe("dns");
  });
});
