export { type ExtractorMetrics, type ExtractorOptions, startExtractor } from "./extractor";
export {
  type ArticleOutcome,
  type ArticleReport,
  type ExtractorDeps,
  processArticle,
} from "./process-article";
export { extractorService } from "./service";
