export { detectLanguage } from "./detect-language";
export { type FindNumbersOptions, findNumbers, type NumberMatch } from "./find-numbers";
export type { NumberKind } from "./kinds";
