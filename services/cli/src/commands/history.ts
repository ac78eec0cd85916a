import { parseArgs } from "node:util";
import { type Command, UsageError } from "../command";
import { claimsTable, parseMetric, withLedger, writeJsonLines } from "../ledger-cli";

export const history: Command = {
  name: "history",
  summary: "print a metric's claims over time, with every outlet that reported each",
  usage: `Usage: zw history METRIC [--since DAYS] [--json]

Prints every claim of METRIC, oldest first (undated ones first of all), with the outlets that
reprinted it. --since keeps the claims dated within DAYS before today. --json writes one
{"type":"claim",...} object per line.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: "boolean" }, since: { type: "string" } },
    });
    if (positionals.length !== 1) throw new UsageError("give one METRIC (see zw history --help)");
    const metric = parseMetric(positionals[0]!);
    const since = values.since === undefined ? undefined : Number(values.since);
    if (since !== undefined && !(Number.isInteger(since) && since >= 0)) {
      throw new UsageError(`--since takes a whole number of days, not "${values.since}"`);
    }
    const claims = await withLedger(io, ({ ledger }) =>
      ledger.history(metric, since === undefined ? {} : { sinceDays: since }),
    );
    if (values.json)
      writeJsonLines(
        io,
        claims.map((c) => ({ type: "claim", ...c })),
      );
    else io.stdout.write(claimsTable(claims));
    return 0;
  },
};
