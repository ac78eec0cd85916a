import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFeedServer } from "@zw/feed-server";
import { createQueues, queueDepths } from "@zw/queue";
import { startRedisServer } from "@zw/redis";
import { hostServices } from "@zw/service-host";
import { ClaimLedger } from "@zw/store";
import { appServices } from "../app-services";
import type { CommandIo } from "../command";
import { estimatesTable } from "../ledger-cli";
import { DEMO_FEEDS } from "./demo-articles";

export interface DemoOptions {
  /** Pause between two published articles. */
  intervalMs: number;
}

/**
 * The whole product with nothing outside: its own redis-server in a temporary directory, a local
 * feed server, every service in this process, alerts on the console. Articles appear one by one on
 * the feeds; each publication triggers a poll, so nobody waits for the scheduler's next minute.
 */
export async function runDemo(io: CommandIo, options: DemoOptions): Promise<void> {
  const say = (line: string) => io.stdout.write(`\n>>> ${line}\n`);
  const dir = mkdtempSync(join(tmpdir(), "zw-demo-"));
  const redis = await startRedisServer({ dir: join(dir, "redis") });
  const feeds = await startFeedServer();
  try {
    for (const feed of DEMO_FEEDS) feeds.setFeed(feed.path, feed.title, []);
    const configFile = join(dir, "zw.config.json");
    writeFileSync(
      configFile,
      JSON.stringify({
        feeds: DEMO_FEEDS.map((f) => ({ url: feeds.url + f.path, name: f.title, lang: f.lang })),
        allowPrivateFeeds: true,
        httpPort: 0,
        logLevel: "warn",
      }),
    );
    const env = { ...io.env, REDIS_URL: redis.url, ZW_CONFIG: configFile, DISCORD_TOKEN: "" };
    say(`Zahlenwacht demo: redis-server on ${redis.url}, feeds on ${feeds.url}, alerts printed here.`);
    const host = await hostServices(appServices(null), {
      name: "demo",
      env,
      cwd: io.cwd,
      handleSignals: false,
    });
    const ledger = new ClaimLedger(host.connection, { thresholds: host.config.thresholds });
    const queues = createQueues(host.connection);
    try {
      say("The seed baseline (five German articles, Oct 2024 to Mar 2025) is loaded; no alert for old news:");
      io.stdout.write(estimatesTable(await ledger.estimates()));
      const articles = DEMO_FEEDS.flatMap((feed) => feed.articles.map((article) => ({ feed, article })));
      articles.sort((a, b) => a.article.publishedAt.localeCompare(b.article.publishedAt));
      for (const [i, { feed, article }] of articles.entries()) {
        say(`${feed.title} publishes: "${article.title}" (${article.publishedAt.slice(0, 10)})`);
        feeds.publish(feed.path, article);
        await queues.enqueuePoll({ feedUrl: feeds.url + feed.path, slot: `demo-${i}` });
        await settle(queues, options.intervalMs);
      }
      say("Estimates after the new articles:");
      io.stdout.write(estimatesTable(await ledger.estimates()));
    } finally {
      await queues.close();
      await host.stop();
    }
  } finally {
    await feeds.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits until every queue is empty (or the time is up), then at least `minMs`. */
async function settle(queues: ReturnType<typeof createQueues>, minMs: number): Promise<void> {
  const started = Date.now();
  const deadline = started + 30_000;
  while (Date.now() < deadline) {
    const depths = await queueDepths(queues.list);
    const busy = Object.values(depths).some((d) => d.waiting + d.active + d.delayed > 0);
    if (!busy && Date.now() - started >= minMs) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
}
