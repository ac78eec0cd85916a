import { fileURLToPath } from "node:url";
import { botService } from "@zw/bot";
import { DEFAULT_EVENT_TYPES } from "@zw/core";
import { extractFigures } from "@zw/extract";
import { extractorService } from "@zw/extractor";
import { fetcherService } from "@zw/fetcher";
import { notifierService } from "@zw/notifier";
import { schedulerService } from "@zw/scheduler";
import type { ServiceStarter } from "@zw/service-host";
import { ClaimLedger, GuildStore, loadBaseline } from "@zw/store";
import { UsageError } from "./command";

export const SEEDS_DIR = fileURLToPath(new URL("../../../seeds", import.meta.url));

/** The console stands in for Discord as one subscribed "channel" when no token is set. */
export const CONSOLE_TARGET = { guildId: "00000000000000000", channelId: "00000000000000000" } as const;

const SERVICES: Record<string, ServiceStarter> = {
  scheduler: schedulerService,
  fetcher: fetcherService,
  extractor: extractorService,
  notifier: notifierService,
  bot: botService,
};
export const SERVICE_NAMES = Object.keys(SERVICES);

/**
 * Runs before the services: an empty ledger gets the seed baseline (so the first poll alerts only on
 * what is newer), and without a Discord token the console is subscribed to every alert.
 */
const prepare: ServiceStarter = async ({ config, connection, logger }) => {
  const ledger = new ClaimLedger(connection, { thresholds: config.thresholds });
  const baseline = await loadBaseline(ledger, { seedsDir: SEEDS_DIR, extractFigures });
  if (baseline.loaded) {
    logger.info(
      { articles: baseline.articles.length, events: baseline.events.length },
      "seed baseline loaded",
    );
  }
  const guilds = new GuildStore(connection);
  if (config.discordToken) {
    await guilds.removeSubscription(CONSOLE_TARGET.guildId, CONSOLE_TARGET.channelId);
  } else {
    await guilds.upsertSubscription({ ...CONSOLE_TARGET, events: [...DEFAULT_EVENT_TYPES] });
  }
  return { stop: async () => {} };
};

/** The services `zw start` runs: all, or those named by --only, after the preparation step. */
export function appServices(only: string[] | null): Record<string, ServiceStarter> {
  const names = only ?? SERVICE_NAMES;
  const unknown = names.filter((name) => !SERVICES[name]);
  if (unknown.length > 0) {
    throw new UsageError(`unknown service ${unknown.join(", ")}; one of: ${SERVICE_NAMES.join(", ")}`);
  }
  return { prepare, ...Object.fromEntries(names.map((name) => [name, SERVICES[name]!])) };
}
