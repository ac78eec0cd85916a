// Classes of phrasing the dev set of real reporting (devset/) taught the reader, each in sentences
// written for these tests, in both languages, so CI keeps what the dev set taught.
import { describe, it } from "vitest";
import { type Expected, expectFigures } from "./expect-figures";

type Case = [text: string, expected: Expected[]];

function run(lang: "de" | "en", cases: Case[]) {
  it.each(cases)(`${lang}: %s`, (text, expected) =>
    expectFigures(text, expected, { lang, date: "2025-03-01" }),
  );
}

describe("scale words and strengths glued to a number", () => {
  run("en", [
    [
      "North Korea has sent some 8-thousand soldiers to Russia, Ukrainian officials said.",
      [{ metric: "troops_deployed_total", min: 8000, max: 8000, qualifier: "approx" }],
    ],
    [
      "Pyongyang has also dispatched 25-hundred special forces to Russia, the NIS said.",
      [{ metric: "troops_deployed_total", min: 2500, source: "NIS" }],
    ],
    [
      "A 10,000-strong North Korean contingent has been deployed to Russia, the Pentagon said.",
      [{ metric: "troops_deployed_total", min: 10000, source: "US_GOV" }],
    ],
    [
      // A force's size, never its losses.
      "The 10,000-strong North Korean force suffered heavy losses in the fighting, Kyiv said.",
      [{ metric: "troops_in_region", min: 10000, source: "UA_GOV" }],
    ],
  ]);
  run("de", [
    [
      "Nordkorea hat eine 12.000-Mann-Truppe nach Russland geschickt, teilte der südkoreanische Geheimdienst mit.",
      [{ metric: "troops_deployed_total", min: 12000, source: "NIS" }],
    ],
    [
      "Eine 3.000-köpfige nordkoreanische Einheit wurde nach Russland verlegt.",
      [{ metric: "troops_deployed_total", min: 3000 }],
    ],
    ["Die Haubitzen vom Typ 170-mm wurden aus Nordkorea nach Russland geliefert.", []],
  ]);
});

describe("who counts: North Korea's engineers are its soldiers", () => {
  run("en", [
    [
      "North Korea's state news agency said nine North Korean engineers were killed while clearing mines in Kursk.",
      [{ metric: "killed", min: 9, max: 9 }],
    ],
  ]);
});
