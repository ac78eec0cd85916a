import type { Claim, Event } from "@zw/core";

const SYMBOL: Record<Claim["qualifier"], string> = {
  exact: "",
  approx: "~",
  at_least: "≥",
  more_than: ">",
  at_most: "≤",
  less_than: "<",
  up_to: "≤",
  range: "",
};

/** A claim's value in one short token: "~11000", "≥3000", "11000–12000". */
export function claimValue(claim: Pick<Claim, "min" | "max" | "qualifier">): string {
  if (claim.min !== null && claim.max !== null && claim.min !== claim.max) return `${claim.min}–${claim.max}`;
  return `${SYMBOL[claim.qualifier]}${claim.min ?? claim.max}`;
}

/** "~11000 (UA_GOV, 2025-02-27)", with "projected"/"denied" when not reported. */
export function claimSummary(claim: Claim): string {
  const modality = claim.modality === "reported" ? "" : `, ${claim.modality}`;
  return `${claimValue(claim)} (${claim.source ?? "no source"}, ${claim.date ?? "undated"}${modality})`;
}

/** One plain line per event, for the command line and for tests that assert exact events. */
export function eventSummary(event: Event): string {
  const head = `${event.type} ${event.metric}`;
  switch (event.type) {
    case "new_metric":
    case "projection":
    case "denial":
      return `${head}: ${claimSummary(event.claim)}`;
    case "estimate_changed": {
      const { absolute, relative } = event.change;
      const percent =
        relative === null ? "" : ` (${relative > 0 ? "+" : ""}${(relative * 100).toFixed(1)} %)`;
      const delta = `${absolute > 0 ? "+" : ""}${absolute}${percent} ${event.change.direction}`;
      if (event.consensus) {
        const { from, to } = event.consensus;
        return `${head}: consensus ${from.best} → ${to.best} (${to.sources.join(", ")}) on ${claimSummary(event.current)}, ${delta}`;
      }
      return `${head}: revision ${claimSummary(event.previous)} → ${claimSummary(event.current)}, ${delta}`;
    }
    case "conflict":
      return `${head}: ${claimSummary(event.claims[0])} vs ${claimSummary(event.claims[1])}`;
    case "inconsistency":
      return `${head}: ${event.rule}, expected ${event.expected}, reported ${event.actual}`;
    case "corroboration":
      return `${head}: ${claimSummary(event.claim)} reprinted by ${event.report.outlet ?? event.report.url}`;
  }
}
