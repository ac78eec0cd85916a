import { type Claim, type Config, isMetricId, METRIC_IDS, type MetricId } from "@zw/core";
import { claimSummary, claimValue, type Estimate } from "@zw/estimates";
import { ClaimLedger } from "@zw/store";
import { withRedis } from "./cli-redis";
import { type CommandIo, UsageError } from "./command";

export interface OpenLedger {
  ledger: ClaimLedger;
  config: Config;
}

/** Runs `use` with the ledger the configuration points at, closing it whatever happens. */
export function withLedger<T>(io: CommandIo, use: (open: OpenLedger) => Promise<T>): Promise<T> {
  return withRedis(io, (redis, config) =>
    use({ ledger: new ClaimLedger(redis, { thresholds: config.thresholds }), config }),
  );
}

export function parseMetric(value: string): MetricId {
  if (!isMetricId(value)) throw new UsageError(`unknown metric "${value}"; one of: ${METRIC_IDS.join(", ")}`);
  return value;
}

/** `--json` output: one object per line, each with a `type` (an event type, "estimate", "claim", "figure"). */
export function writeJsonLines(io: CommandIo, lines: object[]): void {
  io.stdout.write(lines.map((line) => `${JSON.stringify(line)}\n`).join(""));
}

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return `${rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n")}\n`;
}

export function estimatesTable(estimates: Estimate[]): string {
  if (!estimates.length) return "the ledger has no claims yet\n";
  const number = (n: number | null) => (n === null ? "-" : String(n));
  const rows = estimates.map((e) => [
    e.metric,
    e.current ? claimSummary(e.current) : "-",
    number(e.low),
    number(e.best),
    number(e.high),
    e.bySource.map((c) => c.source ?? "no source").join(", "),
    [...e.projected, ...e.denied]
      .map((c) => `${c.modality} ${claimValue(c)} (${c.source ?? "no source"})`)
      .join("; "),
  ]);
  return table([["metric", "current", "low", "best", "high", "sources", "projected / denied"], ...rows]);
}

export function claimsTable(claims: Claim[]): string {
  if (!claims.length) return "no claims\n";
  const rows = claims.map((c) => [
    c.date ?? "undated",
    claimValue(c),
    c.source ?? "-",
    c.modality,
    c.region ?? "-",
    c.reports.map((r) => r.outlet ?? r.url).join(", "),
  ]);
  return table([["date", "value", "source", "modality", "region", "reported by"], ...rows]);
}
