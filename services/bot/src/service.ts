import { privateTargetRefusal } from "@zw/feeds";
import { createQueues } from "@zw/queue";
import type { ServiceStarter } from "@zw/service-host";
import { ClaimLedger, DeliveryLog, FeedStateStore, GuildStore } from "@zw/store";
import { startBot } from "./bot";
import { feedPreviewer } from "./preview-feed";
import { pipelineStatus } from "./status-source";
import { superviseBot } from "./supervise-bot";

/**
 * The bot as a hosted service; without DISCORD_TOKEN it says so and does nothing. Discord being
 * unreachable at start-up does not stop the process: the bot keeps trying (superviseBot).
 */
export const botService: ServiceStarter = async ({ config, connection, logger }) => {
  if (!config.discordToken) {
    logger.info("no DISCORD_TOKEN: the bot stays off");
    return { stop: async () => {} };
  }
  const ledger = new ClaimLedger(connection, { thresholds: config.thresholds });
  const queues = createQueues(connection);
  const deliveries = new DeliveryLog(connection);
  const bot = await superviseBot(
    () =>
      startBot({
        config,
        logger,
        store: new GuildStore(connection, { limits: config.limits }),
        ledger,
        status: pipelineStatus({
          feedState: new FeedStateStore(connection),
          queues: queues.list,
          lastAlertAt: () => deliveries.lastDeliveryAt(),
        }),
        previewFeed: feedPreviewer({ config, ledger }),
        ...(config.allowPrivateFeeds ? {} : { feedUrlRefusal: (url: string) => privateTargetRefusal(url) }),
        defaultFeedUrls: config.feeds.map((f) => f.url),
        approxWiden: config.thresholds.approxWiden,
      }),
    { logger },
  );
  return {
    async stop() {
      await bot.stop();
      await queues.close();
    },
  };
};
