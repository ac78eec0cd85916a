import { createHash } from "node:crypto";
import {
  type Alert,
  DEFAULT_EVENT_TYPES,
  type Event,
  type Figure,
  type Lang,
  type ReplayArticle,
  ReplayArticleSchema,
  SubscriptionSchema,
} from "@zw/core";
import { extractFigures } from "@zw/extract";
import { type MessageBody, renderMessage } from "@zw/format";
import { detectLanguage } from "@zw/numbers";
import { type ClaimLedger, subscriptionWants } from "@zw/store";

/*
 * A backtest: an archive of articles judged in date order on a ledger of its own, saying what the
 * bot would have told a channel with the default subscription (DEFAULT_EVENT_TYPES, every metric)
 * after each article. The ledger and the judgement are the bot's own; only the feeds are replaced
 * by the archive and Discord by what is printed.
 */

/** A line of the archive that could not be read: where, and why. It is skipped. */
export interface BadLine {
  line: number;
  error: string;
}

/** An article of the archive with where it came from and the address its claims carry. */
export interface ArchivedArticle extends Omit<ReplayArticle, "id"> {
  /** Always a string: a numeric id of the file is written as its digits. */
  id: string;
  url: string;
  line: number;
}

/**
 * Reads a JSON Lines archive: each line one `ReplayArticleSchema`; blank lines are skipped, a bad
 * line is reported and skipped without losing the rest. The articles come back in the order of
 * their day (the date's YYYY-MM-DD as written, which dates their claims), equal days in the order
 * of the file. `duplicates` names a line whose id or url an earlier line already had (it is read,
 * but the output cannot tell the two apart by it).
 */
export function readArchive(text: string): {
  articles: ArchivedArticle[];
  bad: BadLine[];
  duplicates: BadLine[];
} {
  const articles: ArchivedArticle[] = [];
  const bad: BadLine[] = [];
  const duplicates: BadLine[] = [];
  const lineOfId = new Map<string, number>();
  const lineOfUrl = new Map<string, number>();
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (!raw.trim()) continue;
    const line = i + 1;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      bad.push({ line, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    const parsed = ReplayArticleSchema.safeParse(json);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join(".") || "line"}: ${i.message}`);
      bad.push({ line, error: why.join("; ") });
      continue;
    }
    const id = String(parsed.data.id ?? parsed.data.url ?? `line-${line}`);
    // Claims are told apart by the article's URL: one without gets an address of its own.
    const url = parsed.data.url ?? `urn:zw-replay:${encodeURIComponent(id)}`;
    const idSeen = lineOfId.get(id);
    if (idSeen !== undefined) duplicates.push({ line, error: `id "${id}" is also the id of line ${idSeen}` });
    else lineOfId.set(id, line);
    const urlSeen = parsed.data.url === undefined ? undefined : lineOfUrl.get(url);
    if (urlSeen !== undefined)
      duplicates.push({ line, error: `url ${url} is also the url of line ${urlSeen}` });
    else if (parsed.data.url !== undefined) lineOfUrl.set(url, line);
    articles.push({ ...parsed.data, id, url, line });
  }
  // Array.prototype.sort is stable: equal days keep the order of the file.
  const day = (a: ArchivedArticle) => a.date.slice(0, 10);
  articles.sort((a, b) => (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : 0));
  return { articles, bad, duplicates };
}

/** What one article of the archive did: its figures, the events they caused, what was posted. */
export interface ReplayStep {
  article: ArchivedArticle;
  figures: Figure[];
  events: Event[];
  /** The news events the default subscription takes, in the ledger's order: one message's alerts. */
  alerts: Alert[];
  /** The message a channel would have got; null when the article caused nothing to post. */
  message: MessageBody | null;
}

/** The channel of the replay: the default subscription, as `zw start` sets one up. */
const CHANNEL = SubscriptionSchema.parse({
  guildId: "100000000000000000",
  channelId: "100000000000000001",
  events: DEFAULT_EVENT_TYPES,
});

/** Judges one archived article on `ledger` (stored there) and says what the channel would get. */
export async function replayArticle(
  ledger: ClaimLedger,
  article: ArchivedArticle,
  lang: Lang,
): Promise<ReplayStep> {
  const day = article.date.slice(0, 10);
  const figures = extractFigures(article.text, {
    lang: article.lang ?? detectLanguage(article.text),
    date: day,
  });
  const events = await ledger.ingestArticle(
    {
      url: article.url,
      outlet: article.outlet,
      title: article.title ?? null,
      publishedAt: article.date,
      contentHash: createHash("sha256").update(article.text).digest("hex"),
    },
    figures,
  );
  const alerts: Alert[] = [];
  for (const event of events) {
    if (subscriptionWants(CHANNEL, event) && (await ledger.isNews(event))) alerts.push(event);
  }
  return { article, figures, events, alerts, message: alerts.length ? renderMessage(alerts, lang) : null };
}

/**
 * The line `zw replay --json` writes for a step (its documented shape): the article's id, date
 * and url, its figures, every event it caused (each claim in it with the `url` it was read at),
 * the ids of the events posted, and how many messages a channel would have got (0 or 1).
 */
export function replayLine(step: ReplayStep) {
  const { article } = step;
  return {
    id: String(article.id),
    date: article.date,
    url: article.url,
    figures: step.figures,
    events: step.events,
    alerted: step.alerts.map((a) => a.id),
    messages: step.message ? 1 : 0,
  };
}
