// The assertions the reader's tests share: figures checked against the contract, compared on the
// fields a case names.
import { type Figure, FigureSchema } from "@zw/core";
import { expect } from "vitest";
import { extractFigures } from "./extract-figures";

export type Expected = Partial<Omit<Figure, "quote" | "span">>;

/** The figures of `text`, each checked against the contract, reduced to the fields a case names. */
export function figures(text: string, options: { lang?: "de" | "en"; date?: string } = {}): Figure[] {
  const found = extractFigures(text, options);
  for (const f of found) FigureSchema.parse(f);
  return found;
}

export function expectFigures(
  text: string,
  expected: Expected[],
  options: { lang?: "de" | "en"; date?: string } = {},
) {
  const found = figures(text, options);
  expect(found.map((f, i) => pick(f, expected[i] ?? {}))).toEqual(expected);
}

function pick(f: Figure, like: Expected): Expected {
  return Object.fromEntries(Object.keys(like).map((k) => [k, f[k as keyof Figure]])) as Expected;
}
