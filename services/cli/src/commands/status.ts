import { parseArgs } from "node:util";
import { createQueues, queueDepths } from "@zw/queue";
import { DeliveryLog, FeedStateStore, GuildStore } from "@zw/store";
import { withRedis } from "../cli-redis";
import type { Command } from "../command";
import { table, writeJsonLines } from "../ledger-cli";

export const status: Command = {
  name: "status",
  summary: "feed health (with the reasons of failing feeds), queue depths and the last alert",
  usage: `Usage: zw status [--json]

Reads what the running services keep in Redis: each feed's last success, last error and its
reason, failures in a row and next poll; jobs per queue and state; the time of the last alert.
--json writes one object per line: {"type":"feed",...}, {"type":"queue",...}, {"type":"last_alert",...}.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: "boolean" } } });
    const report = await withRedis(io, async (redis, config) => {
      const urls = new Set([
        ...config.feeds.map((f) => f.url),
        ...(await new GuildStore(redis).allFeedUrls()),
      ]);
      const state = new FeedStateStore(redis);
      const feeds = await Promise.all(
        [...urls].map(async (url) => ({ url, health: await state.health(url) })),
      );
      const queues = createQueues(redis);
      try {
        return {
          feeds,
          depths: await queueDepths(queues.list),
          lastAlertAt: await new DeliveryLog(redis).lastDeliveryAt(),
        };
      } finally {
        await queues.close();
      }
    });
    if (values.json) {
      writeJsonLines(io, [
        ...report.feeds.map(({ url, health }) => ({ type: "feed", url, ...health })),
        ...Object.entries(report.depths).map(([queue, depths]) => ({ type: "queue", queue, ...depths })),
        { type: "last_alert", at: report.lastAlertAt },
      ]);
      return 0;
    }
    const feedRows = report.feeds.map(({ url, health }) => [
      health === null
        ? "not polled"
        : health.consecutiveFailures > 0
          ? `failing ×${health.consecutiveFailures}`
          : "ok",
      url,
      health?.lastSuccessAt ?? "-",
      health?.nextPollAt ?? "-",
      health?.consecutiveFailures ? (health.lastError ?? "-") : "",
    ]);
    io.stdout.write(table([["feed", "url", "last success", "next poll", "last error"], ...feedRows]));
    const queueRows = Object.entries(report.depths).map(([queue, d]) =>
      [queue, d.waiting, d.active, d.delayed, d.failed, d.completed].map(String),
    );
    io.stdout.write(
      `\n${table([["queue", "waiting", "active", "delayed", "failed", "completed"], ...queueRows])}`,
    );
    io.stdout.write(`\nlast alert: ${report.lastAlertAt ?? "none yet"}\n`);
    return 0;
  },
};
