export { type FeedFault, type FeedServer, type PublishedArticle, startFeedServer } from "./feed-server";
