import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { eventSummary } from "@zw/estimates";
import { extractFigures } from "@zw/extract";
import { loadBaseline } from "@zw/store";
import type { Command } from "../command";
import { estimatesTable, withLedger, writeJsonLines } from "../ledger-cli";

export const baseline: Command = {
  name: "baseline",
  summary: "load the seed articles into an empty ledger, without alerting, and print the estimates",
  usage: `Usage: zw baseline [--events] [--seeds DIR] [--json]

Runs the extractor over the seed articles listed in DIR/seeds.json (default: seeds), loads
their claims into the ledger when it is empty, alerting nobody, and prints the estimates.
When the ledger already has claims nothing is loaded (the bot does the same at start-up).
--events also prints the events the seeds cause among themselves. --json writes one object per
line: the events (each with its event "type"), then {"type":"estimate",...} per metric.`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { events: { type: "boolean" }, seeds: { type: "string" }, json: { type: "boolean" } },
    });
    const seedsDir = resolve(io.cwd, values.seeds ?? "seeds");
    const { result, events, estimates } = await withLedger(io, async ({ ledger }) => {
      const result = await loadBaseline(ledger, { seedsDir, extractFigures });
      // Already loaded: the events the seeds caused then were recorded with them.
      const events = result.loaded
        ? result.events
        : (await Promise.all(result.articles.map((a) => ledger.recordedEvents(a.report.url)))).flat();
      return { result, events, estimates: await ledger.estimates() };
    });
    if (!result.loaded) {
      io.stderr.write("zw baseline: the ledger already has claims; nothing loaded, showing its estimates\n");
    }
    const shownEvents = values.events ? events : [];
    if (values.json) {
      writeJsonLines(io, [...shownEvents, ...estimates.map((e) => ({ type: "estimate", ...e }))]);
      return 0;
    }
    if (values.events) {
      io.stdout.write(`${shownEvents.length} events among the seeds:\n`);
      io.stdout.write(shownEvents.map((e) => `  ${eventSummary(e)}\n`).join(""));
      io.stdout.write("\n");
    }
    io.stdout.write(estimatesTable(estimates));
    return 0;
  },
};
