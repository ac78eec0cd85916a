import { parseArgs } from "node:util";
import { hostServices } from "@zw/service-host";
import { appServices, SERVICE_NAMES } from "../app-services";
import type { Command } from "../command";

export const start: Command = {
  name: "start",
  summary: "run the bot: all services in one process, or a subset with --only",
  usage: `Usage: zw start [--only ${SERVICE_NAMES.join(",")}]

Runs the services on one Redis (REDIS_URL, else 127.0.0.1:6379, else an embedded redis-server
with its data in ./data/redis). Without DISCORD_TOKEN, alerts are printed here. An empty ledger
first gets the seed baseline. Stops gracefully on Ctrl-C (SIGINT) or SIGTERM.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { only: { type: "string" } } });
    const only = values.only
      ? values.only
          .split(",")
          .map((name) => name.trim())
          .filter(Boolean)
      : null;
    const services = appServices(only);
    await hostServices(services, { name: only ? only.join("+") : "all", env: io.env, cwd: io.cwd });
    // Runs until a signal: the host stops the services and exits the process.
    return new Promise<number>(() => {});
  },
};
