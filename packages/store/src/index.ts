export * from "./guild-store";
export * from "./feed-state";
