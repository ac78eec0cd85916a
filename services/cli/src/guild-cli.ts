import type { Config } from "@zw/core";
import { validationMessage } from "@zw/discord";
import { GuildLimitError, GuildStore } from "@zw/store";
import { withRedis } from "./cli-redis";
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
  return withRedis(io, async (redis, config) => {
    try {
      return await use(new GuildStore(redis, { limits: config.limits }), config);
    } catch (error) {
      const invalid = validationMessage(error, FLAG_NAMES);
      if (invalid) throw new UsageError(invalid);
      if (error instanceof GuildLimitError) throw new UsageError(error.message);
      throw error;
    }
  });
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
