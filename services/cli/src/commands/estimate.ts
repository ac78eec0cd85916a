import { parseArgs } from "node:util";
import { type Command, UsageError } from "../command";
import { estimatesTable, parseMetric, withLedger, writeJsonLines } from "../ledger-cli";

export const estimate: Command = {
  name: "estimate",
  summary: "print the consensus: best, low–high, each source's latest, then parties, projections, denials",
  usage: `Usage: zw estimate [METRIC] [--json]

Prints the ledger's estimate of every metric, or of METRIC: the consensus of the non-party sources
(best = median of each source's latest claim in the estimate window, low–high), each source's
latest claim with its date, then the claims of parties (KP_GOV, RU_GOV), projections and denials.
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
