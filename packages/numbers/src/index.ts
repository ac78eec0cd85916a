export { detectLanguage } from "./detect-language";
export { type FindNumbersOptions, findNumbers, type NumberMatch } from "./find-numbers";
export { findRanges, type RangeMatch } from "./find-ranges";
export type { NumberKind } from "./kinds";
export type { Lang } from "./lexicon";
