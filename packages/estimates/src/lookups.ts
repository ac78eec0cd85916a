import { type Claim, type Event, type MetricId, metricDefinition, type Thresholds } from "@zw/core";
import { normalRegion } from "./claims";
import { conflictWindowOf } from "./consensus";
import { datesAround, daysApart, isCalendarDate } from "./dates";
import { statedTogether } from "./inconsistency";
import { namedRange } from "./interval";
import { type Judgement, judgeArticle } from "./judge";
import { type ClaimsByMetric, relatedMetrics } from "./ledger-state";
import { byRecency, isCurrentReport, latestOf } from "./recency";

/*
 * What judging an article needs from a ledger, so that a store can judge against a few claims
 * instead of every claim of a metric. Each rule of the judgement asks a question whose answer is
 * "the latest (or earliest, or every) claim of some group in some dates": a store keeps the claims
 * of each group in date and arrival order and answers such a lookup from an index.
 */

/** A group of a metric's claims that the judgement looks into; `groupsOf` says which a claim is in. */
export type ClaimGroup =
  /** The reported, dated claims of the metric: the latest total before an additional contingent. */
  | { by: "reported" }
  /** ...of one named source, any region: its claims of a day (stated together). */
  | { by: "source"; source: string }
  /** ...of one named source about one region (null: naming none): its series (conflicts, cumulative counts). */
  | { by: "region"; source: string; region: string | null }
  /** ...read in one article: what was stated together with a claim. */
  | { by: "article"; url: string }
  /** Every claim (dated or not, any modality) saying the same figure: what a new claim may reprint. */
  | { by: "reprint"; figure: string }
  /**
   * Claims dated on no calendar day (2025-02-30): the judgement measures days with the date rolled
   * over but orders by the text, so no date index serves both. They are in no other group and
   * every judgement reads them all (there should be none).
   */
  | { by: "odd-date" };

/** Dates of a lookup: `after` and `before` exclusive, `from` and `to` inclusive, any of them open. */
export interface DateRange {
  after?: string;
  from?: string;
  to?: string;
  before?: string;
}

/** A question to the ledger: the latest, earliest, first or every claim of a group within dates. */
export interface ClaimLookup {
  metric: MetricId;
  group: ClaimGroup;
  /** "undated": the group's undated claims (reprints of an undated claim). */
  dates: DateRange | "undated";
  /**
   * The latest or earliest by recency (date, then arrival, as the judgement orders claims), the
   * first to arrive, or all of them.
   */
  take: "latest" | "earliest" | "first-arrival" | "all";
}

/** The groups a claim belongs to. */
export function groupsOf(claim: Claim): ClaimGroup[] {
  if (claim.date !== null && !isCalendarDate(claim.date)) return [{ by: "odd-date" }];
  const groups: ClaimGroup[] = [{ by: "reprint", figure: reprintFigure(claim) }];
  if (!isCurrentReport(claim) || claim.date === null) return groups;
  groups.push({ by: "reported" }, { by: "article", url: claim.url });
  if (claim.source !== null) {
    const { source } = claim;
    groups.push({ by: "source", source }, { by: "region", source, region: normalRegion(claim.region) });
  }
  return groups;
}

/** What `sameStatement` compares within a metric. */
function reprintFigure(claim: Claim): string {
  const { lo, hi } = namedRange(claim);
  const figure = [lo, hi, claim.source, claim.modality, normalRegion(claim.region)];
  // Appended only when set, so a current claim's group keeps the name it had before the flag.
  return JSON.stringify(claim.historical ? [...figure, "historical"] : figure);
}

/** Equal lookups have equal keys. */
export function lookupKey(lookup: ClaimLookup): string {
  return JSON.stringify([lookup.metric, lookup.group, lookup.dates, lookup.take]);
}

/** Lookups a ledger must still answer, or the judgement once none is left. */
export type LookupStep = { lookups: ClaimLookup[] } | { judgement: Judgement };

/**
 * Judges `article` against `known` once that gives exactly the events (and the same latest claim
 * per source) as judging it against every stored claim; until then, returns the lookups to answer.
 * `known` holds, for each metric of the article's claims and their related metrics, in arrival
 * order: the stored claims with the id of an article claim, the latest stored claim of each
 * modality and source, and the answers to the lookups whose keys are in `answered`. Answer the
 * lookups, add the claims found and call again (later lookups depend on earlier answers).
 */
export function judgeWithLookups(
  article: readonly Claim[],
  known: ClaimsByMetric,
  thresholds: Thresholds,
  answered: ReadonlySet<string>,
): LookupStep {
  const needs = new Needs(known, thresholds, answered);
  for (const claim of article) needs.judging(claim);
  for (const metric of new Set(article.flatMap((c) => relatedMetrics(c.metric)))) {
    needs.ask({ metric, group: { by: "odd-date" }, dates: {}, take: "all" });
  }
  if (needs.wanted.size > 0) return { lookups: [...needs.wanted.values()] };
  // Which sources conflict is certain only now that every other answer is in.
  const judgement = judgeArticle(article, known, thresholds);
  needs.conflictOrder(judgement.events);
  return needs.wanted.size > 0 ? { lookups: [...needs.wanted.values()] } : { judgement };
}

/**
 * What `known` tells of a lookup before it is made: `latest` is the latest dated claim the rule
 * could take from it (the lookup's group or a larger one, with the odd-dated claims), null when
 * there is none; `whole` says the rule takes the latest of that whole set, so `latest` is the
 * answer when it falls within the dates.
 */
interface Bound {
  latest: Claim | null;
  whole: boolean;
}

type Conflict = Extract<Event, { type: "conflict" }>;

class Needs {
  readonly wanted = new Map<string, ClaimLookup>();

  constructor(
    private readonly known: ClaimsByMetric,
    private readonly thresholds: Thresholds,
    private readonly answered: ReadonlySet<string>,
  ) {}

  /** Asks `lookup` unless it was answered or `known` already settles it. */
  ask(lookup: ClaimLookup, bound?: Bound): void {
    const key = lookupKey(lookup);
    if (!this.answered.has(key) && !this.settles(lookup, bound)) this.wanted.set(key, lookup);
  }

  private settles(lookup: ClaimLookup, bound: Bound | undefined): boolean {
    if (bound === undefined || lookup.dates === "undated") return false;
    const date = bound.latest?.date;
    if (date == null) return true;
    const { after, from, to, before } = lookup.dates;
    // Even the latest claim is too old: nothing is in the dates.
    if ((after !== undefined && date <= after) || (from !== undefined && date < from)) return true;
    const inDates = (to === undefined || date <= to) && (before === undefined || date < before);
    return bound.whole && lookup.take === "latest" && inDates;
  }

  /** The latest dated claim of `metric` in `known` that passes `keep`. */
  private latestDated(metric: MetricId, keep: (c: Claim) => boolean): Claim | null {
    return latestOf(this.known[metric] ?? [], (c) => c.date !== null && keep(c));
  }

  private reportedDated(metric: MetricId): Claim[] {
    return (this.known[metric] ?? []).filter((c) => isCurrentReport(c) && c.date !== null);
  }

  private ofSource(metric: MetricId, source: string): Bound["latest"] {
    return this.latestDated(metric, (c) => isCurrentReport(c) && c.source === source);
  }

  /**
   * What judging `claim` needs. The current claim needs nothing: it is the latest of the latest
   * claims per source, which `known` holds.
   */
  judging(claim: Claim): void {
    this.reprints(claim);
    if (!isCurrentReport(claim) || claim.date === null) return;
    this.conflicts(claim);
    if (metricDefinition(claim.metric).cumulative) this.series(claim);
    if (SUM_METRICS.includes(claim.metric)) this.sum(claim);
    if (claim.metric === "troops_additional") this.additional(claim);
    if (claim.metric === "troops_deployed_total") this.total(claim);
    // A part and a whole: every claim of the other stated together with it.
    if (claim.metric === "troops_in_region") this.together("troops_deployed_total", claim);
    if (claim.metric === "troops_deployed_total") this.together("troops_in_region", claim);
  }

  /**
   * Corroboration: the latest claim saying the same dated up to the window's end: within the
   * window it is a reprint, before it a restatement (or, undated, undated).
   */
  private reprints(claim: Claim): void {
    const { metric } = claim;
    const group: ClaimGroup = { by: "reprint", figure: reprintFigure(claim) };
    if (claim.date === null) {
      this.ask({ metric, group, dates: "undated", take: "latest" });
      return;
    }
    const window = datesAround(claim.date, this.thresholds.corroborationWindowDays);
    if (!window) return;
    const lookup: ClaimLookup = { metric, group, dates: { to: window.to }, take: "latest" };
    // History is no source's latest, so `known` bounds only current claims.
    const latest = this.latestDated(
      metric,
      (c) => c.modality === claim.modality && c.source === claim.source,
    );
    this.ask(lookup, claim.historical ? undefined : { latest, whole: false });
  }

  /** Conflicts: each other named source's latest reported claim near the claim's date. */
  private conflicts(claim: Claim): void {
    const { metric, source, date } = claim;
    if (source === null || date === null) return;
    const others = new Set<NonNullable<Claim["source"]>>();
    for (const c of this.known[metric] ?? []) {
      if (isCurrentReport(c) && c.source !== null && c.source !== source) others.add(c.source);
    }
    for (const other of others) {
      // The window depends on the pair: wider when either is a party.
      const days = conflictWindowOf({ source: other, metric }, claim, this.thresholds);
      const window = datesAround(date, days);
      if (!window) continue;
      const latest = this.ofSource(metric, other);
      // None is near when even its latest claim is older; its latest is the one when near.
      if (latest === null || latest.date! < window.from) continue;
      const near = daysApart(latest.date!, date!) <= days;
      if (near && sameRegion(latest, claim)) continue;
      this.ask({ metric, group: nearGroup(other, claim), dates: window, take: "latest" });
    }
  }

  /**
   * Two or more conflicts of one claim come in the order their sources first appear among the
   * near claims: then the first of those sources' near claims to arrive is needed too.
   */
  conflictOrder(events: readonly Event[]): void {
    const conflicts = events.filter((e): e is Conflict => e.type === "conflict");
    const newClaim = (conflict: Conflict) => conflict.claims[1]!;
    for (const conflict of conflicts) {
      const [other, claim] = [conflict.claims[0]!, newClaim(conflict)];
      if (conflicts.filter((e) => newClaim(e).id === claim.id).length < 2) continue;
      const dates = datesAround(claim.date!, conflictWindowOf(other, claim, this.thresholds))!;
      this.ask({
        metric: claim.metric,
        group: nearGroup(other.source!, claim),
        dates,
        take: "first-arrival",
      });
    }
  }

  /** A cumulative count falling: the claims of the same series just before and just after. */
  private series(claim: Claim): void {
    const { metric, source, date } = claim;
    if (source === null) return;
    const group: ClaimGroup = { by: "region", source, region: normalRegion(claim.region) };
    const latest = this.latestDated(
      metric,
      (c) => isCurrentReport(c) && c.source === source && sameRegion(c, claim),
    );
    const bound = { latest, whole: true };
    this.ask({ metric, group, dates: { to: date! }, take: "latest" }, bound);
    this.ask({ metric, group, dates: { after: date! }, take: "earliest" }, bound);
  }

  /** Claims of `metric` stated together with `claim`: in its article, or by its source that day. */
  private together(metric: MetricId, claim: Claim): void {
    this.ask({ metric, group: { by: "article", url: claim.url }, dates: {}, take: "all" });
    const { source, date } = claim;
    if (source === null) return;
    const bound = { latest: this.ofSource(metric, source), whole: false };
    this.ask(
      { metric, group: { by: "source", source }, dates: { from: date!, to: date! }, take: "all" },
      bound,
    );
  }

  /** Killed + wounded against a total: the parts and totals stated with the claim, and with those totals. */
  private sum(claim: Claim): void {
    for (const metric of SUM_METRICS) this.together(metric, claim);
    for (const total of this.reportedDated("casualties_total")) {
      if (!statedTogether(total, claim)) continue;
      this.together("killed", total);
      this.together("wounded", total);
    }
  }

  /** An additional contingent: the total before it, and the totals stated with it. */
  private additional(claim: Claim): void {
    const latest = this.latestDated("troops_deployed_total", isCurrentReport);
    this.ask(
      {
        metric: "troops_deployed_total",
        group: { by: "reported" },
        dates: { before: claim.date! },
        take: "latest",
      },
      { latest, whole: true },
    );
    this.together("troops_deployed_total", claim);
  }

  /**
   * A total is the one after the contingents stated with it, and the one before the contingents
   * dated after it up to the next total: those, and what each of them needs.
   */
  private total(claim: Claim): void {
    const date = claim.date!;
    this.together("troops_additional", claim);
    const next: ClaimLookup = {
      metric: "troops_deployed_total",
      group: { by: "reported" },
      dates: { after: date },
      take: "earliest",
    };
    const nextBound = { latest: this.latestDated("troops_deployed_total", isCurrentReport), whole: false };
    this.ask(next, nextBound);
    const nextKnown = this.answered.has(lookupKey(next)) || this.settles(next, nextBound);
    const following = byRecency(this.reportedDated("troops_deployed_total").filter((c) => c.date! > date))[0];
    const inGap = (c: Claim) => nextKnown && c.date! > date && (!following || c.date! <= following.date!);
    if (nextKnown) {
      const dates = following ? { after: date, to: following.date! } : { after: date };
      this.ask(
        { metric: "troops_additional", group: { by: "reported" }, dates, take: "all" },
        { latest: this.latestDated("troops_additional", isCurrentReport), whole: false },
      );
    }
    for (const contingent of this.reportedDated("troops_additional")) {
      if (statedTogether(contingent, claim) || inGap(contingent)) this.additional(contingent);
    }
  }
}

const SUM_METRICS: MetricId[] = ["killed", "wounded", "casualties_total"];

/** The group holding the claims of `source` that can conflict with `claim`: those of its region. */
function nearGroup(source: string, claim: Claim): ClaimGroup {
  return { by: "region", source, region: normalRegion(claim.region) };
}

function sameRegion(a: Claim, b: Claim): boolean {
  return normalRegion(a.region) === normalRegion(b.region);
}
