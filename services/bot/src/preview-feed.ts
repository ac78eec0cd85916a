import type { Config } from "@zw/core";
import type { FeedPreview, PreviewFeed } from "@zw/discord";
import { extractFigures } from "@zw/extract";
import { fetchFeed, itemText, keywordMatcher } from "@zw/feeds";
import type { ClaimLedger } from "@zw/store";

const MAX_ITEMS = 10;

/**
 * `/feeds test`: fetches the feed now (with the same limits and SSRF guard as the fetcher),
 * keeps the items that match the watched keywords, extracts figures from their feed text, and
 * asks the ledger which events they would cause. Nothing is stored, nothing is alerted.
 */
export function feedPreviewer(options: {
  config: Pick<Config, "fetch" | "allowPrivateFeeds" | "keywords">;
  ledger: Pick<ClaimLedger, "preview"> | null;
}): PreviewFeed {
  const { config, ledger } = options;
  return async (url, keywords): Promise<FeedPreview> => {
    const result = await fetchFeed(url, { limits: config.fetch, allowPrivate: config.allowPrivateFeeds });
    if (result.status !== "ok") return { title: null, items: 0, matching: [] };
    const matches = keywordMatcher([...config.keywords, ...keywords]);
    const items = result.feed.items.filter((item) => matches(itemText(item)));
    const matching = await Promise.all(
      items.slice(0, MAX_ITEMS).map(async (item) => {
        const text = [item.title, item.content ?? item.summary].filter(Boolean).join("\n\n");
        const figures = extractFigures(text, { date: item.publishedAt?.slice(0, 10) ?? null });
        const report = {
          url: item.url ?? url,
          outlet: result.feed.title,
          title: item.title,
          publishedAt: item.publishedAt,
        };
        const events = ledger && figures.length ? (await ledger.preview(report, figures)).events : [];
        return { title: item.title, url: item.url ?? url, figures, events };
      }),
    );
    return { title: result.feed.title, items: result.feed.items.length, matching };
  };
}
