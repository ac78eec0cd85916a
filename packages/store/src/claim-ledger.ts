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
  isHistory,
  type Judgement,
  judgeWithLookups,
  latestBySeries,
  lookupKey,
  relatedMetrics,
  seriesKey,
} from "@zw/estimates";
import type { Redis } from "ioredis";
import { z } from "zod";
import { COMMIT_SCRIPT, type CommitOutcome, type CommitPlan, type MetricWrite } from "./ledger-commit";
import {
  indexMembers,
  lexRange,
  READ_SCRIPT,
  REINDEX_SCRIPT,
  type ReadReply,
  type ReadRequest,
} from "./ledger-index";

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
 * The hash of the versions each metric's lookup index (and latest index) is complete at. Its name
 * carries the index's format: a ledger indexed before reprints were grouped by the numbers they
 * name and the latest index held each source's series per region has no entry here, so each
 * metric is rebuilt once on first use.
 */
const INDEXED = "indexed-v2";

/** An article judged against the ledger, and what committing the judgement needs. */
interface LedgerRead {
  judgement: Judgement;
  /** Per metric, in arrival order: the stored claims the article was judged against. */
  state: ClaimsByMetric;
  versions: Record<string, number>;
  /** Claims per metric: the arrival number of the next. */
  counts: Record<string, number>;
  seqs: Map<string, number>;
}

/**
 * Every claim ever read, per metric, in Redis. Per metric: a hash of claims by id (with arrival
 * order), a sorted set of ids by date, the latest claim id per modality and source, and a lookup
 * index (`ledger-index.ts`) from which an article is judged without reading the metric's history;
 * one hash of per-metric versions for optimistic concurrency; per article URL the content hash and
 * events. Reading one metric never touches another's claims.
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
      const read = await this.judged(claims);
      const { judgement } = read;
      const plan: CommitPlan = {
        url: report.url,
        contentHash,
        events: JSON.stringify(judgement.events),
        expect: read.versions,
        writes: this.writesOf(read),
      };
      const outcome = (await this.redis.eval(
        COMMIT_SCRIPT,
        4,
        this.key("versions"),
        this.key("articles"),
        this.key("article-events"),
        this.key(INDEXED),
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
    return { claims, events: (await this.judged(claims)).judgement.events };
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

  /** The estimate of one metric, read from its latest-per-series index only. */
  async estimate(metric: MetricId): Promise<Estimate> {
    const [version, indexed] = await Promise.all([
      this.redis.hget(this.key("versions"), metric),
      this.redis.hget(this.key(INDEXED), metric),
    ]);
    // A ledger written in an older format: its latest index is rebuilt before it is trusted.
    if (version !== null && version !== indexed) await this.reindex(metric);
    const ids = await this.redis.hvals(this.key("latest", metric));
    const stored = await this.readClaims(metric, ids);
    return computeEstimate(metric, byArrival(stored), this.thresholds);
  }

  /**
   * False for an event about old claims (a new feed's backlog, more than `conflictWindowDays`
   * before the metric's latest claim): recorded, but nobody is alerted.
   */
  async isNews(event: Event): Promise<boolean> {
    const latest = (await this.estimate(event.metric)).current?.date ?? null;
    return !isHistory(event, latest, this.thresholds.conflictWindowDays);
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
    return records.flatMap((json) => (json ? [parseStored(json)] : []));
  }

  /**
   * Judges `claims` against the stored claims it needs (`judgeWithLookups`: the latest claim per
   * source, claims near in date, of the same source or article...), not the metrics' whole
   * history, read as one snapshot: every read after the first checks that no version moved.
   */
  private async judged(claims: Claim[]): Promise<LedgerRead> {
    const metrics = [...new Set(claims.flatMap((c) => relatedMetrics(c.metric)))];
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      const read = await this.judgedOnce(claims, metrics);
      if (read) return read;
    }
    throw new LedgerContentionError(
      `gave up reading the ledger for ${claims[0]?.url} after ${this.maxAttempts} attempts: other writers kept changing its metrics`,
    );
  }

  /** One snapshot, or null when a version moved meanwhile or an index had to be rebuilt first. */
  private async judgedOnce(claims: Claim[], metrics: MetricId[]): Promise<LedgerRead | null> {
    const first = await this.read({
      metrics: metrics.map((metric) => ({
        metric,
        claimsKey: this.key("claims", metric),
        latestKey: this.key("latest", metric),
      })),
      ids: claims.map((c) => ({ claimsKey: this.key("claims", c.metric), id: c.id })),
    });
    if (!first) return null;
    const versions: Record<string, number> = {};
    const counts: Record<string, number> = {};
    const behind: MetricId[] = [];
    metrics.forEach((metric, i) => {
      const [version, indexed, count] = first.metrics.slice(3 * i, 3 * i + 3);
      if (indexed !== version) behind.push(metric);
      versions[metric] = Number(version);
      counts[metric] = Number(count);
    });
    if (behind.length > 0) {
      for (const metric of behind) await this.reindex(metric);
      return null;
    }
    const found = new StoredClaims(first.records);
    const answered = new Set<string>();
    for (;;) {
      const state = found.byMetric(metrics);
      const step = judgeWithLookups(claims, state, this.thresholds, answered);
      if ("judgement" in step)
        return { judgement: step.judgement, state, versions, counts, seqs: found.seqs };
      for (const lookup of step.lookups) answered.add(lookupKey(lookup));
      // A metric without claims has nothing to find.
      const asked = step.lookups.filter((l) => counts[l.metric]! > 0);
      if (asked.length === 0) continue;
      const reply = await this.read({
        expect: versions,
        lookups: asked.map((lookup) => ({
          claimsKey: this.key("claims", lookup.metric),
          indexKey: this.key("index", lookup.metric),
          take: lookup.take,
          ...lexRange(lookup),
        })),
      });
      if (!reply) return null;
      found.add(reply.records);
    }
  }

  private async read(request: Partial<ReadRequest>) {
    const reply = (await this.redis.eval(
      READ_SCRIPT,
      0,
      JSON.stringify({
        versionsKey: this.key("versions"),
        indexedKey: this.key(INDEXED),
        expect: {},
        metrics: [],
        ids: [],
        lookups: [],
        ...request,
      } satisfies ReadRequest),
    )) as ReadReply;
    if (reply[0] === "stale") return null;
    return { metrics: reply[1], records: reply[2] };
  }

  /** Builds a metric's lookup index from all its claims: once, for a ledger written without it. */
  private async reindex(metric: MetricId): Promise<void> {
    // The version first: claims written after it make the script refuse, and the read is retried.
    const version = (await this.redis.hget(this.key("versions"), metric)) ?? "0";
    const stored = (await this.redis.hvals(this.key("claims", metric))).map(parseStored);
    const members = stored.flatMap(({ claim, seq }) => indexMembers(claim, seq));
    await this.redis.eval(
      REINDEX_SCRIPT,
      0,
      JSON.stringify({
        versionsKey: this.key("versions"),
        indexedKey: this.key(INDEXED),
        indexKey: this.key("index", metric),
        latestKey: this.key("latest", metric),
        metric,
        version,
        members,
        latest: latestFields(byArrival(stored)),
      }),
    );
  }

  /** The writes for the claims an article added or corroborated, and each metric's new latest index. */
  private writesOf(read: LedgerRead): MetricWrite[] {
    const { written, state } = read.judgement;
    const metrics = [...new Set(written.map((c) => c.metric))];
    return metrics.map((metric) => {
      // What the article was judged against, then its new claims.
      const all = state[metric] ?? [];
      const stored = read.state[metric]?.length ?? 0;
      const claims = written
        .filter((c) => c.metric === metric)
        .map((claim) => {
          const seq = read.seqs.get(claim.id) ?? read.counts[metric]! + all.indexOf(claim) - stored;
          const record: StoredClaim = { seq, claim };
          const score = claim.date ? dayNumber(claim.date) : UNDATED_SCORE;
          return { id: claim.id, record: JSON.stringify(record), score, index: indexMembers(claim, seq) };
        });
      const latest = latestFields(all);
      return {
        metric,
        claimsKey: this.key("claims", metric),
        byDateKey: this.key("by-date", metric),
        latestKey: this.key("latest", metric),
        indexKey: this.key("index", metric),
        claims,
        latest,
      };
    });
  }
}

/** The latest index of a metric's claims (in arrival order): `<modality>:<series>` → claim id. */
function latestFields(claims: Claim[]): string[] {
  return (["reported", "projected", "denied"] as const).flatMap((modality) =>
    latestBySeries(claims, modality).flatMap((c) => [`${modality}:${seriesKey(c)}`, c.id]),
  );
}

function parseStored(json: string): StoredClaim {
  return StoredClaimSchema.parse(JSON.parse(json));
}

/** Stored claims found by a read, once each. */
class StoredClaims {
  private readonly byId = new Map<string, StoredClaim>();
  private readonly seen = new Set<string>();

  constructor(records: (string | null)[]) {
    this.add(records);
  }

  add(records: (string | null)[]): void {
    for (const json of records) {
      if (json === null || this.seen.has(json)) continue;
      this.seen.add(json);
      const stored = parseStored(json);
      this.byId.set(stored.claim.id, stored);
    }
  }

  get seqs(): Map<string, number> {
    return new Map([...this.byId].map(([id, s]) => [id, s.seq]));
  }

  byMetric(metrics: MetricId[]): ClaimsByMetric {
    const stored = [...this.byId.values()];
    return Object.fromEntries(metrics.map((m) => [m, byArrival(stored.filter((s) => s.claim.metric === m))]));
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
