export { type ExtractorMetrics, type ExtractorOptions, startExtractor } from "./extractor";
export {
  type ArticleOutcome,
  type ArticleReport,
  type ExtractorDeps,
  processArticle,
  type Recipient,
} from "./process-article";
