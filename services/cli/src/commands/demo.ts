import { parseArgs } from "node:util";
import { type Command, UsageError } from "../command";
import { runDemo } from "../demo/run-demo";

export const demo: Command = {
  name: "demo",
  summary: "the whole product in a minute: local feeds, all services, alerts on the console",
  usage: `Usage: zw demo [--interval SECONDS]

Needs no Discord and no internet: starts its own redis-server in a temporary directory and a local
feed server that publishes later articles (a revised total, its syndicated copy, a conflicting
casualty figure, distractor numbers) one every few seconds (default 3), and prints the alerts.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { interval: { type: "string" } } });
    const seconds = Number(values.interval ?? "3");
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > 60) {
      throw new UsageError(`--interval must be a number of seconds from 0 to 60, got "${values.interval}"`);
    }
    await runDemo(io, { intervalMs: seconds * 1000 });
    return 0;
  },
};
