export * from "./guild-store";
