import { extractFigures } from "@zw/extract";
import { contentHash, fetchArticle } from "@zw/feeds";
import { detectLanguage } from "@zw/numbers";
import { createQueues, workerLockOptions } from "@zw/queue";
import type { ServiceStarter } from "@zw/service-host";
import { ClaimLedger, GuildStore } from "@zw/store";
import { startExtractor } from "./extractor";

/** The extractor as a hosted service: pages fetched under the feed limits, the shared ledger. */
export const extractorService: ServiceStarter = ({ config, connection, logger, metrics }) => {
  const ledger = new ClaimLedger(connection, { thresholds: config.thresholds });
  const guilds = new GuildStore(connection);
  const queues = createQueues(connection);
  const extractor = startExtractor({
    connection,
    logger,
    metrics,
    concurrency: config.concurrency.extractor,
    lock: workerLockOptions(config.workers),
    deps: {
      pageText: async (url) => {
        try {
          return (await fetchArticle(url, { limits: config.fetch, allowPrivate: config.allowPrivateFeeds }))
            .text;
        } catch (error) {
          // The item's own text stands in; the page's failure is worth a line, not a retry.
          logger.warn({ url, err: error }, "article page unavailable, using the feed item's text");
          return null;
        }
      },
      extractFigures,
      detectLanguage,
      contentHash,
      ingest: (report, figures) => ledger.ingestArticle(report, figures, { replay: true }),
      isNews: (event) => ledger.isNews(event),
      alertTargets: (event) => guilds.alertTargets(event),
      enqueueAlert: (job, article) => queues.enqueueAlert(job, article),
    },
  });
  return {
    async stop(deadlineMs) {
      await extractor.stop(deadlineMs);
      await queues.close();
    },
  };
};
