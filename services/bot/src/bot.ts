import type { Config } from "@zw/core";
import { type CommandDeps, createInteractionHandler } from "@zw/discord";
import { Client, Events, GatewayIntentBits, type Guild } from "discord.js";

export interface BotLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface StartBotOptions extends Omit<CommandDeps, "onError"> {
  config: Pick<Config, "discordToken" | "discordApiUrl">;
  logger: BotLogger;
  /** How long to wait for the gateway's READY and the guilds; default 30 s. */
  readyTimeoutMs?: number;
}

export interface RunningBot {
  client: Client;
  stop(): Promise<void>;
}

/**
 * Logs the discord.js Client in (intents: Guilds only; slash commands need no more) and answers
 * interactions with the @zw/discord handlers. `config.discordApiUrl` points REST, and through
 * GET /gateway/bot the gateway too, at another Discord (the tests' fake). Resolves once ready.
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, logger } = options;
  if (!config.discordToken) throw new Error("the bot needs DISCORD_TOKEN");
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Replies are answered once; a failed one is not worth a second try (the user can ask again).
    rest: { ...(config.discordApiUrl ? { api: config.discordApiUrl.replace(/\/+$/, "") } : {}), retries: 1 },
  });
  const handle = createInteractionHandler({
    ...options,
    onError: (error, context) => logger.error({ err: error, ...context }, "command failed"),
  });
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  // Alerts of a server that chose no language follow its Discord locale.
  const noteLocale = (guild: Guild) =>
    options.store
      .noteDetectedLanguage(guild.id, guild.preferredLocale.startsWith("de") ? "de" : "en")
      .catch((error) => logger.warn({ err: error, guild: guild.id }, "could not note the guild's locale"));
  client.on(Events.GuildCreate, (guild) => void noteLocale(guild));
  client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ code: event.code, shard }, "gateway disconnected"),
  );
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, "gateway resumed"));

  let readyTimer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    readyTimer = setTimeout(
      () => reject(new Error("Discord did not become ready in time")),
      options.readyTimeoutMs ?? 30_000,
    );
    client.once(Events.ClientReady, () => resolve());
  });
  try {
    // Both at once: a timeout while login() still runs, or after it failed, is heard, not unhandled.
    await Promise.all([client.login(config.discordToken), ready]);
  } catch (error) {
    await client.destroy();
    throw error;
  } finally {
    clearTimeout(readyTimer);
  }
  await Promise.all(client.guilds.cache.map(noteLocale));
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "bot ready");
  return {
    client,
    async stop() {
      await client.destroy();
    },
  };
}
