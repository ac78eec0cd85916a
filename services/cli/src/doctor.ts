import { spawnSync } from "node:child_process";
import { ConfigError, loadConfig, redactUrl } from "@zw/config";
import type { Config } from "@zw/core";
import { connectRedisForCommand, isConnectionFailure, ping } from "@zw/redis";
import { REST, Routes } from "discord.js";

export type CheckStatus = "ok" | "warn" | "fail";
export interface CheckResult {
  name: string;
  status: CheckStatus;
  detail: string;
  /** How to fix it, when it is not ok. */
  fix?: string;
}

export interface DoctorOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Skip probing the feeds (they need the internet). */
  skipFeeds: boolean;
  /** Probes one feed URL; resolves to null when reachable, else the reason. */
  probeFeed: (url: string, config: Config) => Promise<string | null>;
}

/** Runs every check, in order; a configuration failure stops the rest, which depend on it. */
export async function runDoctor(options: DoctorOptions): Promise<CheckResult[]> {
  let config: Config;
  try {
    config = loadConfig(options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [
      {
        name: "configuration",
        status: "fail",
        detail: error.message,
        fix: "correct the named fields in zw.config.json or the environment (see the README's table)",
      },
    ];
  }
  const results: CheckResult[] = [
    {
      name: "configuration",
      status: "ok",
      detail: `${config.feeds.length} feeds, ${config.keywords.length} keywords`,
    },
    await checkRedis(config),
    await checkDiscord(config),
  ];
  if (options.skipFeeds) {
    results.push({ name: "feeds", status: "warn", detail: "not probed (--skip-feeds)" });
  } else {
    results.push(...(await checkFeeds(config, options.probeFeed)));
  }
  return results;
}

async function checkRedis(config: Config): Promise<CheckResult> {
  const url = config.redisUrl ?? "redis://127.0.0.1:6379";
  if (!(await ping(url, 1_000))) {
    if (config.redisUrl) {
      return {
        name: "redis",
        status: "fail",
        detail: `REDIS_URL ${redactUrl(url)} does not answer`,
        fix: "start that Redis, correct REDIS_URL, or unset it to use an embedded redis-server",
      };
    }
    const binary = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
    if (binary.error) {
      return {
        name: "redis",
        status: "fail",
        detail: "no Redis on 127.0.0.1:6379 and no redis-server on PATH",
        fix: "apt-get install redis-server, or set REDIS_URL, or docker compose -f infra/compose.yaml up -d redis",
      };
    }
    return {
      name: "redis",
      status: "ok",
      detail: `none running; zw start will start ${binary.stdout.trim().split(" ").slice(0, 3).join(" ")} with data in ${config.dataDir}/redis`,
    };
  }
  // The command connection: a Redis that answers the ping and then stops answering fails the check
  // within seconds instead of holding the doctor.
  const client = connectRedisForCommand(url, "zw-doctor");
  client.on("error", () => {});
  try {
    const info = await client.info("server");
    const version = /redis_version:(\S+)/.exec(info)?.[1] ?? "unknown";
    const policy = ((await client.config("GET", "maxmemory-policy")) as string[])[1];
    const where = `${redactUrl(url)} answers (Redis ${version})`;
    if (policy !== "noeviction") {
      return {
        name: "redis",
        status: "warn",
        detail: `${where}, but maxmemory-policy is ${policy}: queued jobs could be evicted`,
        fix: "set maxmemory-policy noeviction (infra/redis.conf has the settings BullMQ needs)",
      };
    }
    return { name: "redis", status: "ok", detail: `${where}, maxmemory-policy noeviction` };
  } catch (error) {
    if (!isConnectionFailure(error)) throw error;
    return {
      name: "redis",
      status: "fail",
      detail: `${redactUrl(url)} answered a ping, then not: ${error.message}`,
      fix: "check that Redis is not overloaded, paused or restarting; then run zw doctor again",
    };
  } finally {
    client.disconnect();
  }
}

async function checkDiscord(config: Config): Promise<CheckResult> {
  if (!config.discordToken) {
    return {
      name: "discord",
      status: "warn",
      detail: "DISCORD_TOKEN is unset: alerts go to the console, slash commands are off",
      fix: "create a bot (docs/DISCORD.md) and set DISCORD_TOKEN and DISCORD_APPLICATION_ID",
    };
  }
  const rest = new REST({
    version: "10",
    retries: 0,
    timeout: 5_000,
    ...(config.discordApiUrl ? { api: config.discordApiUrl } : {}),
  });
  rest.setToken(config.discordToken);
  try {
    const user = (await rest.get(Routes.user("@me"))) as { username?: string; id?: string };
    const missingApp = !config.discordApplicationId;
    return {
      name: "discord",
      status: missingApp ? "warn" : "ok",
      detail: `logged in as ${user.username ?? "?"} (${user.id ?? "?"})${missingApp ? "; DISCORD_APPLICATION_ID is unset" : ""}`,
      ...(missingApp
        ? { fix: "set DISCORD_APPLICATION_ID (the application's id) to register slash commands" }
        : {}),
    };
  } catch (error) {
    // The message of a REST error never contains the token; keep only its first line anyway.
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    return {
      name: "discord",
      status: "fail",
      detail: `Discord refused the token or is unreachable: ${reason}`,
      fix: "check DISCORD_TOKEN (Developer Portal → Bot → Reset Token) and the network",
    };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

async function checkFeeds(config: Config, probeFeed: DoctorOptions["probeFeed"]): Promise<CheckResult[]> {
  const reasons = await Promise.all(config.feeds.map((feed) => probeFeed(feed.url, config)));
  return config.feeds.map((feed, i) => {
    const reason = reasons[i];
    return reason
      ? {
          name: `feed ${feed.url}`,
          status: "warn",
          detail: reason,
          fix: "check the URL in a browser; remove the feed or fix the network (the bot backs off and retries)",
        }
      : { name: `feed ${feed.url}`, status: "ok", detail: "reachable and parses" };
  });
}

export function formatDoctor(results: CheckResult[]): string {
  const mark: Record<CheckStatus, string> = { ok: "ok  ", warn: "warn", fail: "FAIL" };
  const lines = results.flatMap((r) => [
    `${mark[r.status]}  ${r.name}: ${r.detail}`,
    ...(r.fix && r.status !== "ok" ? [`      fix: ${r.fix}`] : []),
  ]);
  const failed = results.filter((r) => r.status === "fail").length;
  const warned = results.filter((r) => r.status === "warn").length;
  lines.push(
    "",
    failed ? `${failed} problem(s) to fix, ${warned} warning(s).` : `All good (${warned} warning(s)).`,
  );
  return `${lines.join("\n")}\n`;
}
