import type { AlertJob, ArticleJob, Event, Figure, Lang } from "@zw/core";

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
  /** One alert job per channel subscribed to the event, in its guild's language. */
  alertJobs(event: Event): Promise<AlertJob[]>;
  enqueueAlert(job: AlertJob): Promise<string>;
}

export interface ArticleOutcome {
  figures: Figure[];
  events: Event[];
  alerts: number;
  /** Where the text came from: the article page, or the feed item when the page gave none. */
  textFrom: "page" | "item" | "none";
}

/** Article → text → figures → ledger → one alert job per event and subscribed channel. */
export async function processArticle(job: ArticleJob, deps: ExtractorDeps): Promise<ArticleOutcome> {
  const page = job.fullText ? await deps.pageText(job.url) : null;
  const text = page ?? job.content;
  if (!text?.trim()) return { figures: [], events: [], alerts: 0, textFrom: "none" };
  const lang = job.lang ?? deps.detectLanguage(text);
  const date = job.publishedAt ? job.publishedAt.slice(0, 10) : null;
  const figures = deps.extractFigures(text, { lang, date });
  const events = await deps.ingest(
    {
      url: job.url,
      outlet: job.outlet,
      title: job.title,
      publishedAt: job.publishedAt,
      // Of the job, not of the page: a retried job must be recognised by the ledger (and get its
      // events replayed) even when the page changed or could not be fetched the first time.
      contentHash: deps.contentHash([job.url, job.title ?? "", job.content ?? ""].join("\n")),
    },
    figures,
  );
  let alerts = 0;
  for (const event of events) {
    if (!(await deps.isNews(event))) continue;
    for (const job of await deps.alertJobs(event)) {
      await deps.enqueueAlert(job);
      alerts += 1;
    }
  }
  return { figures, events, alerts, textFrom: page ? "page" : "item" };
}
