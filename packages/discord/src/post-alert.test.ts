import type { AlertJob, Claim, Event } from "@zw/core";
import { limitViolations, renderAlert } from "@zw/format";
import type { REST } from "discord.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeDiscord, parsedMentions, startFakeDiscord } from "../../../tests/fixtures/fake-discord";
import { alertNonce, deliveryNonce, postAlert, postDigest } from "./post-alert";
import { createDiscordRest } from "./rest";

const GUILD = "100000000000000001";
const CHANNEL = "100000000000000002";
const GONE = "100000000000000003";
const CLOSED = "100000000000000004";
const ROLE = "100000000000000005";

function claim(overrides: Partial<Claim> = {}): Claim {
  return {
    id: "c1",
    metric: "troops_deployed_total",
    min: 12000,
    max: 12000,
    qualifier: "approx",
    source: "NIS",
    modality: "reported",
    region: null,
    date: "2025-03-01",
    quote: "Rund 12.000 Soldaten.",
    span: [0, 5],
    url: "https://example.org/a",
    outlet: "Example",
    title: "Title",
    publishedAt: null,
    reports: [{ url: "https://example.org/a", outlet: "Example", title: null, publishedAt: null }],
    ...overrides,
  };
}

const event: Event = {
  id: "ev-1",
  type: "estimate_changed",
  basis: "revision",
  metric: "troops_deployed_total",
  previous: claim({ min: 11000, max: 11000 }),
  current: claim({ title: "@everyone <@&123> read [this](http://evil.example)" }),
  change: { absolute: 1000, relative: 1 / 11, direction: "up" },
};

function job(overrides: Partial<AlertJob> = {}): AlertJob {
  return { alerts: [event], guildId: GUILD, channelId: CHANNEL, roleId: ROLE, lang: "en", ...overrides };
}

let fake: FakeDiscord;
let rest: REST;

beforeAll(async () => {
  fake = await startFakeDiscord({
    guilds: [{ id: GUILD, channels: [CHANNEL], forbiddenChannels: [CLOSED] }],
  });
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.requests.length = 0;
  fake.messages.clear();
  rest = createDiscordRest({ token: "test-token", apiUrl: fake.apiUrl, maxRateLimitWaitMs: 5_000 });
});

describe("postAlert", () => {
  it("posts the rendered alert with the role as the only mention, a nonce and enforce_nonce", async () => {
    const result = await postAlert(rest, job());
    expect(result.kind).toBe("ok");
    const [request] = fake.requestsTo("POST", /^\/channels\/\d+\/messages$/);
    expect(request?.path).toBe(`/channels/${CHANNEL}/messages`);
    expect(request?.headers.authorization).toBe("Bot test-token");
    expect(request?.body).toEqual({
      content: `<@&${ROLE}>`,
      embeds: renderAlert(event, "en").embeds,
      allowed_mentions: { parse: [], roles: [ROLE] },
      nonce: alertNonce(job()),
      enforce_nonce: true,
    });
    const body = request?.body as Record<string, unknown>;
    expect(parsedMentions(body)).toEqual([`role:${ROLE}`]);
    const text = JSON.stringify(body.embeds);
    expect(text).not.toMatch(/@everyone|<@&123>/);
    expect(text).toContain("@\u200beveryone <\u200b@&123>");
    expect(text).not.toContain("[this](http://evil.example)");
  });

  it("without a role the message mentions nobody and has no content", async () => {
    await postAlert(rest, job({ roleId: null }));
    const body = fake.requestsTo("POST", /messages$/)[0]?.body as Record<string, unknown>;
    expect(body.content).toBeUndefined();
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [] });
    expect(parsedMentions(body)).toEqual([]);
  });

  it("a retried job posts once: same nonce, same message", async () => {
    const first = await postAlert(rest, job());
    const second = await postAlert(rest, job());
    expect(first).toEqual(second);
    expect(fake.messages.get(CHANNEL)).toHaveLength(1);
    expect(fake.requestsTo("POST", /messages$/)).toHaveLength(2);
    expect(alertNonce(job()).length).toBeLessThanOrEqual(25);
    expect(alertNonce(job({ channelId: GONE }))).not.toBe(alertNonce(job()));
  });

  it("obeys a 429's retry_after through discord.js's own rate limit handling", async () => {
    fake.fail({ method: "POST", path: /messages$/, status: 429, retryAfter: 0.4 });
    const result = await postAlert(rest, job());
    expect(result.kind).toBe("ok");
    const [limited, retried] = fake.requestsTo("POST", /messages$/);
    expect(retried).toBeDefined();
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(400);
    expect(fake.messages.get(CHANNEL)).toHaveLength(1);
  });

  it("a rate limit longer than the worker waits is a retryable failure", async () => {
    fake.fail({ method: "POST", path: /messages$/, status: 429, retryAfter: 30 });
    const started = Date.now();
    const result = await postAlert(rest, job());
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toMatchObject({ kind: "retryable" });
  });

  it("a 5xx fails at once as retryable: the job queue's backoff retries, not the REST client", async () => {
    fake.fail({ method: "POST", path: /messages$/, status: 502 });
    const result = await postAlert(rest, job());
    expect(result.kind).toBe("retryable");
    expect(fake.requestsTo("POST", /messages$/)).toHaveLength(1);
  });

  it("an unknown or closed channel is a permanent failure that pauses the subscription", async () => {
    expect(await postAlert(rest, job({ channelId: GONE }))).toEqual({
      kind: "channel_unavailable",
      code: 10003,
      reason: "Unknown Channel",
    });
    expect(await postAlert(rest, job({ channelId: CLOSED }))).toEqual({
      kind: "channel_unavailable",
      code: 50001,
      reason: "Missing Access",
    });
    fake.fail({
      method: "POST",
      path: /messages$/,
      status: 403,
      body: { message: "Missing Permissions", code: 50013 },
    });
    expect(await postAlert(rest, job())).toMatchObject({ kind: "channel_unavailable", code: 50013 });
  });

  it("an alert built from 10 KB quotes is accepted by Discord's limits", async () => {
    const huge = "Soldaten @here ".repeat(700);
    const big = claim({ quote: huge, title: huge, outlet: huge });
    const conflict: Event = { id: "ev-2", type: "conflict", metric: "killed", claims: [big, big] };
    const result = await postAlert(rest, job({ alerts: [conflict], lang: "de" }));
    expect(result.kind).toBe("ok");
    const body = fake.requestsTo("POST", /messages$/)[0]?.body as { embeds: never[] };
    expect(limitViolations({ embeds: body.embeds })).toEqual([]);
    expect(JSON.stringify(body)).not.toMatch(/@here/);
  });

  it("an article's many alerts are one message: most important first, the rest counted, within the limits", async () => {
    const huge = "Soldaten ".repeat(120);
    const big = claim({ quote: huge });
    const conflicts: Event[] = Array.from({ length: 14 }, (_, i) => ({
      id: `ev-c${i}`,
      type: "conflict",
      metric: "killed",
      claims: [big, big],
    }));
    const alerts = [...conflicts, event];
    expect((await postAlert(rest, job({ alerts }))).kind).toBe("ok");
    const body = fake.requestsTo("POST", /messages$/)[0]?.body as {
      embeds: Array<{ title?: string; description?: string }>;
    };
    expect(fake.messages.get(CHANNEL)).toHaveLength(1);
    expect(limitViolations({ embeds: body.embeds as never[] })).toEqual([]);
    // The change before the conflicts; what did not fit is counted and points to /history.
    expect(body.embeds[0]?.title).toMatch(/^Troops deployed \(total\): /);
    const shown = body.embeds.length - 1;
    expect(body.embeds.at(-1)?.description).toBe(
      `… and ${alerts.length - shown} more alerts about this article: /history killed`,
    );
    expect(shown).toBeGreaterThan(1);
    expect(shown).toBeLessThan(10);
  });

  it("feed health notices post too", async () => {
    const notice = {
      id: "n-1",
      type: "feed_failing" as const,
      feedUrl: "https://example.org/rss",
      reason: "HTTP 503",
    };
    expect((await postAlert(rest, job({ alerts: [notice] }))).kind).toBe("ok");
    const body = fake.requestsTo("POST", /messages$/)[0]?.body as { embeds: Array<{ title: string }> };
    expect(body.embeds[0]?.title).toBe("Feed failing");
  });
});

describe("postDigest", () => {
  it("posts several alerts as one message, once per set of alerts", async () => {
    const target = { guildId: GUILD, channelId: CHANNEL, roleId: null, lang: "de" as const };
    const alerts = [event, { ...event, id: "ev-9" }];
    expect((await postDigest(rest, target, alerts, "2025-03-01")).kind).toBe("ok");
    expect((await postDigest(rest, target, alerts, "2025-03-01")).kind).toBe("ok");
    expect(fake.messages.get(CHANNEL)).toHaveLength(1);
    const body = fake.requestsTo("POST", /messages$/)[0]?.body as { embeds: Array<{ fields: unknown[] }> };
    expect(body.embeds[0]?.fields).toHaveLength(2);
    expect(deliveryNonce("a")).toHaveLength(25);
  });
});
