import { parseArgs } from "node:util";
import { fetchFeed } from "@zw/feeds";
import type { Command } from "../command";
import { formatDoctor, runDoctor } from "../doctor";

export const doctor: Command = {
  name: "doctor",
  summary: "check Redis, Discord settings and feeds, and say how to fix what is wrong",
  usage: `Usage: zw doctor [--skip-feeds] [--json]

Checks the configuration, the Redis it would use, the Discord token (when set) and whether each
configured feed is reachable. Exit code 1 when something must be fixed.`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { "skip-feeds": { type: "boolean" }, json: { type: "boolean" } },
    });
    const results = await runDoctor({
      env: io.env,
      cwd: io.cwd,
      skipFeeds: values["skip-feeds"] ?? false,
      probeFeed: async (url, config) => {
        try {
          await fetchFeed(url, {
            limits: { ...config.fetch, totalTimeoutMs: Math.min(config.fetch.totalTimeoutMs, 10_000) },
            // As the fetcher polls an operator feed: its own origin may be private, not where it redirects.
            allowPrivate: config.allowPrivateFeeds,
            trustedOrigin: new URL(url).origin,
          });
          return null;
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
      },
    });
    io.stdout.write(
      values.json ? `${results.map((r) => JSON.stringify(r)).join("\n")}\n` : formatDoctor(results),
    );
    return results.some((r) => r.status === "fail") ? 1 : 0;
  },
};
