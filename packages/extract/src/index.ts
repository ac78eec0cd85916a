export { type ExtractOptions, extractFigures } from "./extract-figures";
