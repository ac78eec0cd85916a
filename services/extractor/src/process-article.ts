import type { AlertJob, AlertTarget, ArticleJob, Event, Figure, Lang } from "@zw/core";
import type { ArticleKey } from "@zw/queue";

/** Where an article was read; the ledger turns it and its figures into claims. */
export interface ArticleReport {
  url: string;
  outlet: string | null;
  title: string | null;
  publishedAt: string | null;
  contentHash: string;
}

export interface ExtractorDeps {
  /** The page's main text, or null when it cannot be had (the item's own text is the fallback). */
  pageText(url: string): Promise<string | null>;
  extractFigures(text: string, options: { lang: Lang; date: string | null }): Figure[];
  detectLanguage(text: string): Lang;
  contentHash(text: string): string;
  /**
   * Records the article's claims and returns the events they caused. For an article the ledger has
   * already seen, it returns the events recorded then, so a job retried after a crash between
   * ingest and fan-out still enqueues its alerts (their job ids make that idempotent).
   */
  ingest(report: ArticleReport, figures: Figure[]): Promise<Event[]>;
  /** False for an event about old claims (a new feed's backlog): recorded, but nobody is alerted. */
  isNews(event: Event): Promise<boolean>;
  /** The channels subscribed to the event, each with its guild's language. */
  alertTargets(event: Event): Promise<AlertTarget[]>;
  /**
   * Enqueues the article's message to one channel. Its job id comes from `article` (URL and content
   * hash) and the channel, never from the events in it: a retry that judges other events news (the
   * ledger or the subscriptions changed meanwhile) finds the job already there and adds nothing.
   */
  enqueueAlert(job: AlertJob, article: ArticleKey): Promise<string>;
}

export interface ArticleOutcome {
  figures: Figure[];
  events: Event[];
  /** Messages enqueued: one per subscribed channel that takes any of the article's events. */
  alerts: number;
  /** Where the text came from: the article page, or the feed item when the page gave none. */
  textFrom: "page" | "item" | "none";
}

/** Article → text → figures → ledger → one alert job per subscribed channel, holding its events. */
export async function processArticle(job: ArticleJob, deps: ExtractorDeps): Promise<ArticleOutcome> {
  const page = job.fullText ? await deps.pageText(job.url) : null;
  const text = page ?? job.content;
  if (!text?.trim()) return { figures: [], events: [], alerts: 0, textFrom: "none" };
  const lang = job.lang ?? deps.detectLanguage(text);
  const date = job.publishedAt ? job.publishedAt.slice(0, 10) : null;
  const figures = deps.extractFigures(text, { lang, date });
  // Of the job, not of the page: a retried job must be recognised by the ledger (and get its
  // events replayed) even when the page changed or could not be fetched the first time.
  const contentHash = deps.contentHash([job.url, job.title ?? "", job.content ?? ""].join("\n"));
  const events = await deps.ingest(
    { url: job.url, outlet: job.outlet, title: job.title, publishedAt: job.publishedAt, contentHash },
    figures,
  );
  const jobs = await articleJobs(events, deps);
  for (const alertJob of jobs) await deps.enqueueAlert(alertJob, { url: job.url, contentHash });
  return { figures, events, alerts: jobs.length, textFrom: page ? "page" : "item" };
}

/**
 * One job per channel with every news event of the article the channel takes, in the order the
 * ledger judged them: an article is one message, whatever it changed.
 */
async function articleJobs(events: Event[], deps: ExtractorDeps): Promise<AlertJob[]> {
  const jobs = new Map<string, AlertJob>();
  for (const event of events) {
    if (!(await deps.isNews(event))) continue;
    for (const target of await deps.alertTargets(event)) {
      const key = `${target.guildId}/${target.channelId}`;
      const job = jobs.get(key);
      if (job) job.alerts.push(event);
      else jobs.set(key, { ...target, alerts: [event] });
    }
  }
  return [...jobs.values()];
}
