import { createHash } from "node:crypto";
import {
  type Claim,
  ClaimSchema,
  type Event,
  EventSchema,
  type Figure,
  FigureSchema,
  METRIC_IDS,
  type MetricId,
  type Report,
  type Thresholds,
  ThresholdsSchema,
} from "@zw/core";
import {
  byRecency,
  type ClaimsByMetric,
  claimFromFigure,
  computeEstimate,
  dayNumber,
  type Estimate,
  judgeArticle,
  latestBySource,
  relatedMetrics,
  sourceKey,
} from "@zw/estimates";
import type { Redis } from "ioredis";
import { z } from "zod";
import { COMMIT_SCRIPT, type CommitOutcome, type CommitPlan, type MetricWrite } from "./ledger-commit";

export interface ClaimLedgerOptions {
  /** Prefix of every key, so several deployments (or tests) can share one Redis. */
  prefix?: string;
  thresholds?: Thresholds;
  /** How often an ingest re-reads and judges again when another writer got in first. */
  maxAttempts?: number;
}

/** Where an article was read, with the hash of its text when the caller has it. */
export type LedgerReport = Report & { contentHash?: string | null };

export interface IngestOptions {
  /**
   * For an article already ingested with the same content, return the events its first ingest
   * caused instead of none: a job retried after a crash between ingest and fan-out still gets its
   * alerts out (their deterministic ids let the queue drop doubles).
   */
  replay?: boolean;
}

export interface HistoryOptions {
  /** Only claims dated within this many days before `now` (undated claims are then left out). */
  sinceDays?: number;
  now?: Date;
}

/** What one article would do to the ledger: its claims and the events they cause. */
export interface Preview {
  claims: Claim[];
  events: Event[];
}

export class LedgerContentionError extends Error {
  override name = "LedgerContentionError";
}

/** A stored claim: the claim and its place in its metric's arrival order. */
const StoredClaimSchema = z.object({ seq: z.number().int().min(0), claim: ClaimSchema });
type StoredClaim = z.infer<typeof StoredClaimSchema>;

const UNDATED_SCORE = -1;

/**
 * Every claim ever read, per metric, in Redis. Per metric: a hash of claims by id (with arrival
 * order), a sorted set of ids by date, and the latest claim id per modality and source; one hash of
 * per-metric versions for optimistic concurrency; per article URL the content hash and events.
 * Reading one metric never touches another's claims.
 */
export class ClaimLedger {
  readonly thresholds: Thresholds;
  private readonly prefix: string;
  private readonly maxAttempts: number;

  constructor(
    private readonly redis: Redis,
    options: ClaimLedgerOptions = {},
  ) {
    this.prefix = `${options.prefix ?? "zw:"}ledger:`;
    this.thresholds = options.thresholds ?? ThresholdsSchema.parse({});
    this.maxAttempts = options.maxAttempts ?? 20;
  }

  private key(...parts: string[]): string {
    return this.prefix + parts.join(":");
  }

  /**
   * Records an article's figures as claims and returns the events they cause. Reading an article
   * again (same URL and content hash) changes nothing and returns no events (see `replay`).
   */
  async ingestArticle(
    report: LedgerReport,
    figures: Figure[],
    options: IngestOptions = {},
  ): Promise<Event[]> {
    const claims = toClaims(report, figures);
    if (claims.length === 0) return [];
    const contentHash = report.contentHash ?? hashOf(figures);
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      if ((await this.redis.hget(this.key("articles"), report.url)) === contentHash) {
        return options.replay ? this.recordedEvents(report.url) : [];
      }
      const { state, versions, seqs } = await this.readState(claims);
      const judgement = judgeArticle(claims, state, this.thresholds);
      const plan: CommitPlan = {
        url: report.url,
        contentHash,
        events: JSON.stringify(judgement.events),
        expect: versions,
        writes: this.writesOf(judgement.written, judgement.state, seqs),
      };
      const outcome = (await this.redis.eval(
        COMMIT_SCRIPT,
        3,
        this.key("versions"),
        this.key("articles"),
        this.key("article-events"),
        JSON.stringify(plan),
      )) as CommitOutcome;
      if (outcome === "committed") return judgement.events;
      if (outcome === "duplicate") return options.replay ? this.recordedEvents(report.url) : [];
    }
    throw new LedgerContentionError(
      `gave up ingesting ${report.url} after ${this.maxAttempts} attempts: other writers kept changing its metrics`,
    );
  }

  /** The claims an article would add and the events they would cause, storing nothing. */
  async preview(report: Report, figures: Figure[]): Promise<Preview> {
    const claims = toClaims(report, figures);
    const { state } = await this.readState(claims);
    return { claims, events: judgeArticle(claims, state, this.thresholds).events };
  }

  /** The events recorded when the article at `url` was last ingested. */
  async recordedEvents(url: string): Promise<Event[]> {
    const json = await this.redis.hget(this.key("article-events"), url);
    return json ? z.array(EventSchema).parse(JSON.parse(json)) : [];
  }

  async isEmpty(): Promise<boolean> {
    return (await this.redis.hlen(this.key("versions"))) === 0;
  }

  /** Metrics with at least one claim, in catalogue order. */
  async metrics(): Promise<MetricId[]> {
    const known = new Set(await this.redis.hkeys(this.key("versions")));
    return METRIC_IDS.filter((m) => known.has(m));
  }

  /** The estimate of one metric, read from its latest-per-source index only. */
  async estimate(metric: MetricId): Promise<Estimate> {
    const ids = await this.redis.hvals(this.key("latest", metric));
    const stored = await this.readClaims(metric, ids);
    return computeEstimate(metric, byArrival(stored), this.thresholds);
  }

  async estimates(): Promise<Estimate[]> {
    return Promise.all((await this.metrics()).map((m) => this.estimate(m)));
  }

  /** A metric's claims over time, oldest first (undated first of all), reprints within their claim. */
  async history(metric: MetricId, options: HistoryOptions = {}): Promise<Claim[]> {
    const byDate = this.key("by-date", metric);
    const ids =
      options.sinceDays === undefined
        ? await this.redis.zrange(byDate, 0, -1)
        : await this.redis.zrangebyscore(
            byDate,
            Math.floor((options.now ?? new Date()).getTime() / 86_400_000) - options.sinceDays,
            "+inf",
          );
    return byRecency(byArrival(await this.readClaims(metric, ids)));
  }

  private async readClaims(metric: MetricId, ids: string[]): Promise<StoredClaim[]> {
    if (ids.length === 0) return [];
    const records = await this.redis.hmget(this.key("claims", metric), ...ids);
    return records.flatMap((json) => (json ? [StoredClaimSchema.parse(JSON.parse(json))] : []));
  }

  /** Every claim of the claims' metrics and their related metrics, with versions, as one snapshot. */
  private async readState(claims: Claim[]) {
    const metrics = [...new Set(claims.flatMap((c) => relatedMetrics(c.metric)))];
    const multi = this.redis.multi();
    for (const metric of metrics) {
      multi.hget(this.key("versions"), metric);
      multi.hvals(this.key("claims", metric));
    }
    const replies = (await multi.exec()) ?? [];
    const state: ClaimsByMetric = {};
    const versions: Record<string, number> = {};
    const seqs = new Map<string, number>();
    metrics.forEach((metric, i) => {
      const [versionError, version] = replies[2 * i] ?? [];
      const [claimsError, records] = replies[2 * i + 1] ?? [];
      if (versionError || claimsError) throw versionError ?? claimsError;
      const stored = (records as string[]).map((json) => StoredClaimSchema.parse(JSON.parse(json)));
      for (const s of stored) seqs.set(s.claim.id, s.seq);
      state[metric] = byArrival(stored);
      versions[metric] = Number(version ?? 0);
    });
    return { state, versions, seqs };
  }

  /** The writes for the claims an article added or corroborated, and each metric's new latest index. */
  private writesOf(written: Claim[], state: ClaimsByMetric, seqs: Map<string, number>): MetricWrite[] {
    const metrics = [...new Set(written.map((c) => c.metric))];
    return metrics.map((metric) => {
      const all = state[metric] ?? [];
      const claims = written
        .filter((c) => c.metric === metric)
        .map((claim) => {
          const record: StoredClaim = { seq: seqs.get(claim.id) ?? all.indexOf(claim), claim };
          const score = claim.date ? dayNumber(claim.date) : UNDATED_SCORE;
          return { id: claim.id, record: JSON.stringify(record), score };
        });
      const latest = (["reported", "projected", "denied"] as const).flatMap((modality) =>
        latestBySource(all, modality).flatMap((c) => [`${modality}:${sourceKey(c)}`, c.id]),
      );
      return {
        metric,
        claimsKey: this.key("claims", metric),
        byDateKey: this.key("by-date", metric),
        latestKey: this.key("latest", metric),
        claims,
        latest,
      };
    });
  }
}

function byArrival(stored: StoredClaim[]): Claim[] {
  return [...stored].sort((a, b) => a.seq - b.seq).map((s) => s.claim);
}

/** Validates the figures (a bad one fails the whole article before anything is written). */
function toClaims(report: Report, figures: Figure[]): Claim[] {
  const { url, outlet, title, publishedAt } = report;
  return figures.map((figure, i) => {
    const parsed = FigureSchema.safeParse(figure);
    if (!parsed.success) {
      throw new Error(`figure ${i} of ${url} is invalid: ${z.prettifyError(parsed.error)}`);
    }
    if (parsed.data.min === null && parsed.data.max === null) {
      throw new Error(`figure ${i} of ${url} is invalid: min and max are both null`);
    }
    return claimFromFigure(parsed.data, { url, outlet, title, publishedAt });
  });
}

function hashOf(figures: Figure[]): string {
  return createHash("sha256").update(JSON.stringify(figures)).digest("hex");
}
