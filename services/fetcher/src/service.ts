import { createQueues } from "@zw/queue";
import type { ServiceStarter } from "@zw/service-host";
import { GuildStore } from "@zw/store";
import { startFetcher } from "./fetcher";

/**
 * The fetcher as a hosted service: every guild's keywords, and feed health notices as alert jobs
 * for the channels subscribed in the guilds that added the feed.
 */
export const fetcherService: ServiceStarter = ({ config, connection, logger, metrics }) => {
  const guilds = new GuildStore(connection);
  const alerts = createQueues(connection);
  const fetcher = startFetcher({
    config,
    connection,
    logger,
    metrics,
    listKeywords: () => guilds.allKeywords(),
    onFeedHealthChange: async (notice) => {
      for (const target of await guilds.alertTargets(notice)) {
        await alerts.enqueueAlert({ ...target, alerts: [notice] });
      }
    },
  });
  return {
    async stop(deadlineMs) {
      await fetcher.stop(deadlineMs);
      await alerts.close();
    },
  };
};
