export * from "./guild-store";
export * from "./feed-state";
export * from "./claim-ledger";
export * from "./ledger-baseline";
export * from "./delivery-log";
