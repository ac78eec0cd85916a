import { createDiscordRest } from "@zw/discord";
import { createQueues, workerLockOptions } from "@zw/queue";
import type { ServiceStarter } from "@zw/service-host";
import { DeliveryLog, GuildStore } from "@zw/store";
import { schedule, validate } from "node-cron";
import { consoleSink } from "./console-sink";
import { DigestBox, sendDigests } from "./digest-box";
import { discordSink } from "./discord-sink";
import { startNotifier } from "./notifier";

/** The notifier as a hosted service: Discord when a token is set, else the console; daily digests. */
export const notifierService: ServiceStarter = ({ config, connection, logger, metrics }) => {
  if (!validate(config.digestCron))
    throw new Error(`digestCron: "${config.digestCron}" is not a valid cron expression`);
  const sink = config.discordToken
    ? discordSink(createDiscordRest({ token: config.discordToken, apiUrl: config.discordApiUrl }))
    : consoleSink();
  if (!config.discordToken) logger.info("no DISCORD_TOKEN: alerts go to the console");
  const guilds = new GuildStore(connection);
  const digests = new DigestBox(connection);
  const queues = createQueues(connection);
  const notifier = startNotifier({
    connection,
    deliveries: new DeliveryLog(connection),
    alertQueue: queues.alert,
    logger,
    metrics,
    concurrency: config.concurrency.notifier,
    lock: workerLockOptions(config.workers),
    deps: {
      sink,
      subscription: (guildId, channelId) => guilds.subscription(guildId, channelId),
      pauseSubscription: async (guildId, channelId, reason) => {
        await guilds.pauseSubscription(guildId, channelId, reason);
      },
      addToDigest: ({ alerts, ...target }) => digests.add(target, alerts),
    },
  });
  const digestTask = schedule(
    config.digestCron,
    async () => {
      const day = new Date().toISOString().slice(0, 10);
      try {
        logger.info({ day, ...(await sendDigests(digests, sink, day)) }, "digests sent");
      } catch (error) {
        logger.error({ err: error }, "digests failed; they wait for the next run");
      }
    },
    { timezone: "UTC", noOverlap: true },
  );
  return {
    async stop(deadlineMs) {
      await digestTask.destroy();
      await notifier.stop(deadlineMs);
      await queues.close();
    },
  };
};
