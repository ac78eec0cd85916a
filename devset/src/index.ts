export * from "./passages";
export * from "./schema";
