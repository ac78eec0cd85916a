export * from "./claim-ledger";
export * from "./delivery-log";
export * from "./feed-state";
export * from "./guild-store";
export * from "./ledger-baseline";
