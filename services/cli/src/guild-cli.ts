import { resolve } from "node:path";
import { loadConfig } from "@zw/config";
import type { Config } from "@zw/core";
import { validationMessage } from "@zw/discord";
import { connectRedis, resolveRedis } from "@zw/redis";
import { GuildLimitError, GuildStore } from "@zw/store";
import { type CommandIo, UsageError } from "./command";

/** CLI flag names for the schema keys they fill, so errors name what the operator typed. */
const FLAG_NAMES: Record<string, string> = {
  guildId: "--guild",
  channelId: "--channel",
  metrics: "--metrics",
  events: "--events",
  minChange: "--min-change",
  roleId: "--role",
  quietHours: "--quiet-hours",
  keyword: "KEYWORD",
  url: "URL",
};

/**
 * Runs `use` with the GuildStore the configuration points at (the one the bot uses), turning a
 * bad value or a full guild into a usage error with the same wording as the slash commands.
 */
export async function withGuildStore<T>(
  io: CommandIo,
  use: (store: GuildStore, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig({ env: io.env, cwd: io.cwd });
  const redis = await resolveRedis({ redisUrl: config.redisUrl, dataDir: resolve(io.cwd, config.dataDir) });
  const client = connectRedis(redis.url, "zw-cli");
  try {
    return await use(new GuildStore(client, { limits: config.limits }), config);
  } catch (error) {
    const invalid = validationMessage(error, FLAG_NAMES);
    if (invalid) throw new UsageError(invalid);
    if (error instanceof GuildLimitError) throw new UsageError(error.message);
    throw error;
  } finally {
    await client.quit();
    await redis.server?.stop();
  }
}

/** `add`, `remove` or `list`, with the one positional value the first two need. */
export function listAction(
  positionals: string[],
  what: string,
): { action: "add" | "remove" | "list"; value: string } {
  const [action, value, ...extra] = positionals;
  if (action !== "add" && action !== "remove" && action !== "list") {
    throw new UsageError(`expected add, remove or list, got ${action ? `"${action}"` : "nothing"}`);
  }
  if (action !== "list" && !value) throw new UsageError(`${action} needs a ${what}`);
  if (extra.length > 0) throw new UsageError(`unexpected ${extra.join(" ")} (quote a ${what} with spaces)`);
  return { action, value: value ?? "" };
}
