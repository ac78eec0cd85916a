import type { Claim, ConsensusValue, Event, Thresholds } from "@zw/core";
import { hasReport, isSameClaim, normalRegion } from "./claims";
import { type Consensus, conflictWindowOf, consensusOf, countsInConsensus } from "./consensus";
import { daysApart } from "./dates";
import { hashId } from "./ids";
import { findInconsistencies } from "./inconsistency";
import {
  contains,
  type Interval,
  intervalOf,
  isOpenEnded,
  namedRange,
  overlaps,
  representative,
} from "./interval";
import { type ClaimsByMetric, relatedMetrics } from "./ledger-state";
import { isCurrentReport, latestOf, seriesKey, sourceKey } from "./recency";

type EventOf<T extends Event["type"]> = Extract<Event, { type: T }>;

export interface Judgement {
  events: Event[];
  /** `state` after the article: new claims appended, corroborated claims with their new report. */
  state: ClaimsByMetric;
  /** The claims to store: new ones and corroborated ones. */
  written: Claim[];
}

/**
 * Judges the claims of one article against the ledger, one after the other, so that an article's
 * own claims see each other. `state` must hold every claim of the claims' metrics and of their
 * `relatedMetrics`, each list in arrival order. Pure: the same inputs give the same events and ids.
 */
export function judgeArticle(
  claims: readonly Claim[],
  state: ClaimsByMetric,
  thresholds: Thresholds,
): Judgement {
  let current = state;
  const events: Event[] = [];
  const written = new Map<string, Claim>();
  for (const claim of claims) {
    const step = judgeClaim(claim, current, thresholds);
    current = step.state;
    events.push(...step.events);
    if (step.written) written.set(step.written.id, step.written);
  }
  return { events, state: current, written: [...written.values()] };
}

interface Step {
  events: Event[];
  state: ClaimsByMetric;
  written: Claim | null;
}

function judgeClaim(claim: Claim, state: ClaimsByMetric, thresholds: Thresholds): Step {
  const { metric } = claim;
  const before = state[metric] ?? [];
  const unchanged: Step = { events: [], state, written: null };
  if (before.some((c) => c.id === claim.id)) return unchanged;
  const report = claim.reports[0]!;

  const original = latestOf(before, (c) => isSameClaim(c, claim, thresholds.corroborationWindowDays));
  if (original) {
    // The same article read again (perhaps edited) is no corroboration of itself.
    if (hasReport(original, report.url)) return unchanged;
    const corroborated: Claim = { ...original, reports: [...original.reports, report] };
    const event: EventOf<"corroboration"> = {
      id: hashId("corroboration", [original.id, claim.id]),
      type: "corroboration",
      metric,
      claim: corroborated,
      report,
    };
    const claims = before.map((c) => (c === original ? corroborated : c));
    return { events: [event], state: { ...state, [metric]: claims }, written: corroborated };
  }

  const after = [...before, claim];
  const next: ClaimsByMetric = { ...state, [metric]: after };
  const added = (events: Event[]): Step => ({ events, state: next, written: claim });
  // A first wave told again ("initially 11,000") is the past: kept, never news.
  if (claim.historical) return added([]);
  if (claim.modality === "projected") {
    return added([{ id: hashId("projection", [claim.id]), type: "projection", metric, claim }]);
  }
  if (claim.modality === "denied") {
    return added([{ id: hashId("denial", [claim.id]), type: "denial", metric, claim }]);
  }

  const events: Event[] = isFirstWord(claim, before)
    ? firstWord(claim, before, thresholds)
    : news(claim, before, after, thresholds);
  const related = Object.fromEntries(relatedMetrics(metric).map((m) => [m, next[m] ?? []]));
  events.push(...findInconsistencies(related, thresholds).filter((e) => e.claims.includes(claim)));
  return added(events);
}

/**
 * Whether the claim is the first word on its metric and region: the first current claim there,
 * or the first a consensus can hold after only parties and unnamed voices spoke (parties speak
 * apart: NIS's 11,500 after Russia's 11,000 starts the consensus, and would otherwise say nothing,
 * having neither a series nor a consensus to move).
 */
function isFirstWord(claim: Claim, before: readonly Claim[]): boolean {
  const region = normalRegion(claim.region);
  const here = before.filter((c) => isCurrentReport(c) && normalRegion(c.region) === region);
  if (here.length === 0) return true;
  return countsInConsensus(claim) && !here.some(countsInConsensus);
}

/**
 * The first word on a metric, or on a place for it ("8,000 in Kursk" after totals naming none):
 * new, unless it contradicts what others said of the whole, which its conflict says.
 */
function firstWord(claim: Claim, before: readonly Claim[], thresholds: Thresholds): Event[] {
  const disagreements = conflicts(claim, before, thresholds);
  if (disagreements.length > 0) return disagreements;
  return [{ id: hashId("new_metric", [claim.id]), type: "new_metric", metric: claim.metric, claim }];
}

/**
 * What a current claim of a metric already reported says: a revision of its source's series, or
 * (starting a series) a move of the consensus; and its conflicts with other sources.
 */
function news(
  claim: Claim,
  before: readonly Claim[],
  after: readonly Claim[],
  thresholds: Thresholds,
): Event[] {
  const disagreements = conflicts(claim, before, thresholds);
  const series = seriesOf(claim, before);
  // A source speaking again is judged against itself only. A conflict already says that the new
  // claim is far from the others: a consensus move caused by the same claim would say it twice.
  const change = series
    ? revision(claim, series, thresholds)
    : disagreements.length === 0
      ? consensusMove(claim, before, after, thresholds)
      : null;
  return change ? [change, ...disagreements] : disagreements;
}

/**
 * The claims of the new dated claim's series before it (same named source and region, current;
 * an undated one counts while the series has no dated claim), or null when it starts one: its
 * source's first word there, or a claim naming no source (which moves nothing).
 */
function seriesOf(claim: Claim, before: readonly Claim[]): Claim[] | null {
  if (claim.source === null || claim.date === null) return null;
  const series = before.filter((c) => isCurrentReport(c) && seriesKey(c) === seriesKey(claim));
  return series.length > 0 ? series : null;
}

/** A source revising itself: the new claim is the latest of its series and differs from the one before. */
function revision(
  claim: Claim,
  series: readonly Claim[],
  thresholds: Thresholds,
): EventOf<"estimate_changed"> | null {
  const previous = latestOf(series)!;
  if (latestOf([...series, claim]) !== claim || !changesEstimate(previous, claim, thresholds)) return null;
  return {
    id: hashId("estimate_changed", [previous.id, claim.id]),
    type: "estimate_changed",
    basis: "revision",
    metric: claim.metric,
    previous,
    current: claim,
    change: change(representative(previous), representative(claim)),
  };
}

/**
 * The consensus of the claim's region moved by at least `changeRelative` because of it, and it is
 * the same consensus: one member at least is in it before and after. When the old members have all
 * left the window (NIS's 600 in January, HUR's 5,000 in June), the "move" is only another source's
 * number, which principle 1 forbids calling a change; nor is it the first word on the metric
 * (new_metric), so it says nothing: it is recorded and shown by /estimate.
 */
function consensusMove(
  claim: Claim,
  before: readonly Claim[],
  after: readonly Claim[],
  thresholds: Thresholds,
): EventOf<"estimate_changed"> | null {
  if (!countsInConsensus(claim)) return null;
  const from = consensusOf(before, claim.region, thresholds);
  const to = consensusOf(after, claim.region, thresholds);
  if (!from || !to?.members.includes(claim) || !sharesMember(from, to)) return null;
  // "At least 3,000" allowing the consensus says less, not something else.
  if (isOpenEnded(claim) && contains(intervalOf(claim, 0), from.best)) return null;
  const moved = change(from.best, to.best);
  if (moved.relative === null || Math.abs(moved.relative) < thresholds.changeRelative - 1e-9) return null;
  const previous = from.members[0]!;
  return {
    id: hashId("estimate_changed", ["consensus", previous.id, claim.id]),
    type: "estimate_changed",
    basis: "consensus",
    metric: claim.metric,
    previous,
    current: claim,
    change: moved,
    consensus: { from: consensusValue(from), to: consensusValue(to) },
  };
}

function sharesMember(from: Consensus, to: Consensus): boolean {
  const before = new Set(from.members.map((c) => c.id));
  return to.members.some((c) => before.has(c.id));
}

function consensusValue({ best, low, high, members }: Consensus): ConsensusValue {
  return { best, low, high, sources: members.map(sourceKey) };
}

/**
 * A new claim of a series is a revision when it says something else AND says it by enough
 * (alerts.md, estimate_changed): the widened intervals do not overlap ("about 11,000" and "about
 * 12,100" may be one number), and the value moved by at least `changeRelative` (1,000 and 1,001
 * exact are apart, yet no news). An open-ended claim that still allows the previous value ("at
 * least 3,000" after "11,000") overlaps it, so it is never a change.
 */
function changesEstimate(previous: Claim, claim: Claim, thresholds: Thresholds): boolean {
  const apart = !overlaps(namedInterval(previous, thresholds), intervalOf(claim, thresholds.approxWiden));
  return apart && movedEnough(representative(previous), representative(claim), thresholds);
}

/**
 * The previous claim of a series as the figure its source gave: the values it names, widened when
 * approximate. Its open side does not count: NIS's "at least 100" dead, then "about 300", is a
 * revision (alerts.md's first worked example), though 300 is at least 100.
 */
function namedInterval(claim: Claim, thresholds: Thresholds): Interval {
  const { lo, hi } = namedRange(claim);
  return intervalOf({ min: lo, max: hi, qualifier: claim.qualifier }, thresholds.approxWiden);
}

/** Whether a value moved by at least `changeRelative`; from 0, any move counts. */
function movedEnough(from: number, to: number, thresholds: Thresholds): boolean {
  const { absolute, relative } = change(from, to);
  // The epsilon keeps an exact 10 % step (11,000 → 12,100) from falling just short in floating point.
  return relative === null ? absolute !== 0 : Math.abs(relative) >= thresholds.changeRelative - 1e-9;
}

function change(from: number, to: number): EventOf<"estimate_changed">["change"] {
  const absolute = to - from;
  return {
    absolute,
    relative: from === 0 ? null : absolute / from,
    direction: absolute > 0 ? "up" : absolute < 0 ? "down" : "same",
  };
}

/**
 * Each other named source's latest reported claim within the claim's conflict window
 * (`conflictWindowOf`) of the new one, when their intervals cannot both be true. Unattributed or
 * undated claims cannot conflict, nor claims about different regions: "8,000 in Kursk" and
 * "11,000" naming no place count different things (alerts.md: "same metric and region").
 */
function conflicts(claim: Claim, before: readonly Claim[], thresholds: Thresholds): EventOf<"conflict">[] {
  const { source, date } = claim;
  if (source === null || date === null) return [];
  const near = before.filter(
    (c) =>
      isCurrentReport(c) &&
      c.source !== null &&
      c.source !== source &&
      c.date !== null &&
      daysApart(c.date, date) <= conflictWindowOf(c, claim, thresholds) &&
      normalRegion(c.region) === normalRegion(claim.region),
  );
  const latest = [...new Set(near.map((c) => c.source))].map((s) => latestOf(near, (c) => c.source === s)!);
  const interval = intervalOf(claim, thresholds.approxWiden);
  return latest
    .filter((other) => !overlaps(intervalOf(other, thresholds.approxWiden), interval))
    .map((other) => ({
      id: hashId("conflict", [other.id, claim.id]),
      type: "conflict",
      metric: claim.metric,
      claims: [other, claim],
    }));
}
