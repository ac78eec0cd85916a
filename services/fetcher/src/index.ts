export { type Fetcher, type FetcherOptions, startFetcher } from "./fetcher";
export { KeywordFilter } from "./keyword-filter";
export { type PollContext, type PollSummary, pollFeed } from "./poll-feed";
export { fetcherService } from "./service";
