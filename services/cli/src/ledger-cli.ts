import { type Claim, type Config, isMetricId, METRIC_IDS, type MetricId } from "@zw/core";
import { claimValue, type Estimate } from "@zw/estimates";
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

/** A claim with its source and date, the way the tables list them: "NIS ~2000 (2025-09-01)". */
function sourcedValue(claim: Claim): string {
  return `${claim.source ?? "no source"} ${claimValue(claim)} (${claim.date ?? "undated"})`;
}

/**
 * One row per metric: the consensus (best, low–high, region), each non-party source's latest with
 * its date, then the parties' claims and the projections and denials, each apart.
 */
export function estimatesTable(estimates: Estimate[]): string {
  if (!estimates.length) return "the ledger has no claims yet\n";
  const rows = estimates.map((e) => {
    const c = e.consensus;
    return [
      e.metric,
      c ? String(c.best) : "-",
      c ? (c.low === c.high ? String(c.low) : `${c.low}–${c.high}`) : "-",
      e.region ?? "-",
      e.bySource.map(sourcedValue).join("; ") || "-",
      e.parties.map(sourcedValue).join("; ") || "-",
      [...e.projected, ...e.denied].map((p) => `${p.modality} ${sourcedValue(p)}`).join("; ") || "-",
    ];
  });
  return table([
    ["metric", "best", "low–high", "region", "sources (latest each)", "parties", "projected / denied"],
    ...rows,
  ]);
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
