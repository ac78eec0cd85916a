import type { ServiceStarter } from "@zw/service-host";
import { GuildStore } from "@zw/store";
import { startScheduler } from "./scheduler";

/** The scheduler as a hosted service: config.feeds plus every feed guilds and the operator added. */
export const schedulerService: ServiceStarter = ({ config, connection, logger }) => {
  const guilds = new GuildStore(connection);
  return startScheduler({ config, connection, logger, listFeeds: () => guilds.allFeeds() });
};
