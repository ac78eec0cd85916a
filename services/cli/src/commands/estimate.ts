import { parseArgs } from "node:util";
import { type Command, UsageError } from "../command";
import { estimatesTable, parseMetric, withLedger, writeJsonLines } from "../ledger-cli";

export const estimate: Command = {
  name: "estimate",
  summary: "print the current estimates: latest claim, low / best / high, each source's latest",
  usage: `Usage: zw estimate [METRIC] [--json]

Prints the ledger's estimate of every metric, or of METRIC: the current (latest reported) claim,
low / best / high across sources in the estimate window, the sources, projections and denials.
--json writes one {"type":"estimate",...} object per line.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: "boolean" } },
    });
    if (positionals.length > 1) throw new UsageError("give at most one METRIC");
    const metric = positionals[0] === undefined ? null : parseMetric(positionals[0]);
    const estimates = await withLedger(io, ({ ledger }) =>
      metric ? ledger.estimate(metric).then((e) => [e]) : ledger.estimates(),
    );
    if (values.json)
      writeJsonLines(
        io,
        estimates.map((e) => ({ type: "estimate", ...e })),
      );
    else io.stdout.write(estimatesTable(estimates));
    return 0;
  },
};
