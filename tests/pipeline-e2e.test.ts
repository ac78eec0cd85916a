import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appServices } from "@zw/cli/app-services";
import { type FeedServer, type PublishedArticle, startFeedServer } from "@zw/feed-server";
import { createQueues, type Queues, queueDepths } from "@zw/queue";
import { type Host, hostServices } from "@zw/service-host";
import { GuildStore } from "@zw/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, messageProblems, parsedMentions, startFakeDiscord } from "./fixtures/fake-discord";
import { startTestRedis, type TestRedis } from "./fixtures/redis";
import { waitFor } from "./fixtures/wait-for";

/**
 * The whole pipeline in one process, as `zw start --only scheduler,fetcher,extractor,notifier`
 * runs it: a local feed server publishes articles, the real services poll, extract, judge
 * against the seed baseline and post to a fake Discord through discord.js's REST client.
 */

const GUILD = "300000000000000001";
const CHANNEL = "300000000000000011";
const TOKEN = "MzAwMDAwMDAwMDAwMDAwMDA5.fake.token-for-tests";

const NIS_UPDATE: PublishedArticle = {
  path: "/en/nis-update",
  title: "North Korea has sent about 14,000 troops to Russia, spy agency says @everyone <@&123>",
  publishedAt: "2025-04-30T02:10:00Z",
  paragraphs: [
    "SEOUL, April 30 -- North Korea has sent about 14,000 troops to Russia in total since last autumn, South Korea's National Intelligence Service (NIS) said Wednesday.",
    "Lawmakers said the briefing also covered the soldiers' training in the Russian Far East.",
  ],
};
const SYNDICATED_COPY: PublishedArticle = {
  path: "/de/nis-kopie",
  title: "Nordkorea hat rund 14.000 Soldaten nach Russland geschickt",
  publishedAt: "2025-04-30T06:45:00Z",
  paragraphs: [
    "Seoul (dpa) - Nordkorea hat nach Angaben des südkoreanischen Geheimdienstes NIS insgesamt rund 14.000 Soldaten nach Russland entsandt.",
  ],
};
/** Backlog of a newly added feed: a report older than the baseline, with a figure the ledger has not seen. */
const OLD_REPORT: PublishedArticle = {
  path: "/en/old-report",
  title: "Pentagon: up to 10,000 North Korean troops in Russia",
  publishedAt: "2024-10-29T15:00:00Z",
  paragraphs: [
    "WASHINGTON -- About 10,000 North Korean soldiers have been sent to Russia for training, Pentagon spokeswoman Sabrina Singh said on Monday.",
  ],
};

/** One article, several events (South Korea's 400 dead and 3,600 wounded of the seeds against HUR's). */
const HUR_LOSSES: PublishedArticle = {
  path: "/en/hur-losses",
  title: "Ukraine's intelligence puts North Korean losses far higher",
  publishedAt: "2025-04-30T09:00:00Z",
  paragraphs: [
    "KYIV -- Ukraine's military intelligence (HUR) said 1,000 North Korean soldiers had been killed and 3,200 wounded. In total, North Korea has suffered 6,000 casualties, HUR said.",
  ],
};

let redis: TestRedis;
let fake: FakeDiscord;
let feeds: FeedServer;
let host: Host;
let queues: Queues;

async function poll(path: string, slot: string): Promise<void> {
  await queues.enqueuePoll({ feedUrl: feeds.url + path, slot });
  await waitFor(
    "the pipeline to drain",
    async () => {
      const depths = await queueDepths(queues.list);
      const busy = Object.values(depths).some((d) => d.waiting + d.active + d.delayed > 0);
      return !busy;
    },
    60_000,
  );
}

const posted = () => fake.messages.get(CHANNEL) ?? [];

beforeAll(async () => {
  redis = await startTestRedis();
  fake = await startFakeDiscord();
  feeds = await startFeedServer();
  for (const path of ["/wire.xml", "/agency.xml", "/new.xml"]) feeds.setFeed(path, path, []);
  const cwd = mkdtempSync(join(tmpdir(), "zw-e2e-"));
  writeFileSync(
    join(cwd, "zw.config.json"),
    JSON.stringify({
      feeds: [
        { url: `${feeds.url}/wire.xml`, lang: "en" },
        { url: `${feeds.url}/agency.xml`, lang: "de" },
      ],
      httpPort: 0,
      logLevel: "silent",
      // The test drives polls itself; the scheduler's cron would only add noise.
      schedulerCron: "0 0 1 1 *",
    }),
  );
  host = await hostServices(appServices(["fetcher", "extractor", "notifier"]), {
    name: "e2e",
    cwd,
    handleSignals: false,
    env: {
      REDIS_URL: redis.url,
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      ZW_ALLOW_PRIVATE_FEEDS: "true",
    },
  });
  queues = createQueues(host.connection);
  await new GuildStore(host.connection).upsertSubscription({
    guildId: GUILD,
    channelId: CHANNEL,
    events: ["estimate_changed", "conflict", "inconsistency", "new_metric"],
  });
}, 60_000);

afterAll(async () => {
  await queues?.close();
  await host?.stop();
  await feeds?.close();
  await fake?.stop();
  await redis?.dispose();
});

describe("feed → Discord", () => {
  it("posts one alert with the change, its source and link, inside Discord's limits, pinging nobody", async () => {
    feeds.publish("/wire.xml", NIS_UPDATE);
    await poll("/wire.xml", "s1");
    await waitFor("the alert", () => posted().length === 1, 30_000);
    const body = posted()[0]!.body;
    const embed = (body.embeds as Array<Record<string, unknown>>)[0]!;
    // NIS revising its own undated 12,000 of the seed baseline.
    expect(embed.title).toBe("Troops deployed (total): 12,000 → about 14,000");
    const text = JSON.stringify(embed);
    expect(text).toContain("South Korea's NIS");
    expect(text).toContain(`${feeds.url}/en/nis-update`);
    expect(text).toContain("+16.7%");
    expect(messageProblems(body)).toEqual([]);
    expect(parsedMentions(body)).toEqual([]);
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [] });
    expect(typeof body.nonce).toBe("string");
    expect(body.enforce_nonce).toBe(true);
  });

  it("stays silent for the same article in another feed, a repeat poll, and a syndicated copy", async () => {
    feeds.publish("/agency.xml", NIS_UPDATE);
    feeds.publish("/agency.xml", SYNDICATED_COPY);
    await poll("/agency.xml", "s2");
    await poll("/wire.xml", "s3");
    // Let any stray alert reach the fake before counting.
    await new Promise((ok) => setTimeout(ok, 500));
    expect(posted()).toHaveLength(1);
  });

  it("alerts on nothing older than the baseline in the first poll of a new feed", async () => {
    await new GuildStore(host.connection).addFeed(GUILD, { url: `${feeds.url}/new.xml` });
    feeds.publish("/new.xml", OLD_REPORT);
    await poll("/new.xml", "s4");
    await new Promise((ok) => setTimeout(ok, 500));
    expect(posted()).toHaveLength(1);
  });

  it("posts an article's several events as one message, the changes first", async () => {
    feeds.publish("/wire.xml", HUR_LOSSES);
    await poll("/wire.xml", "s5");
    await waitFor("the article's message", () => posted().length === 2, 30_000);
    await new Promise((ok) => setTimeout(ok, 500));
    expect(posted()).toHaveLength(2);
    const body = posted()[1]!.body;
    const titles = (body.embeds as Array<{ title?: string }>).map((e) => e.title);
    expect(titles).toEqual([
      "Killed: consensus 400 → 700",
      "Casualties (killed or wounded): consensus 4,000 → 5,000",
      "Figures do not add up: Casualties (killed or wounded)",
    ]);
    expect(messageProblems(body)).toEqual([]);
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [] });
  });
});
