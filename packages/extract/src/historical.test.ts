import { describe, expect, it } from "vitest";
import { extractFigures } from "./extract-figures";
import { markHistorical } from "./historical";

/** The value and the historical flag of each figure read in `text`. */
function read(text: string, lang: "de" | "en") {
  return extractFigures(text, { lang, date: "2025-11-20" }).map((f) => [
    f.min ?? f.max,
    f.historical ?? false,
  ]);
}

describe("historical figures", () => {
  it.each([
    ["North Korea initially sent about 11,000 soldiers to Russia, South Korea's spy agency said.", 11000],
    ["Pyongyang originally deployed some 11,000 troops to the Kursk region of Russia.", 11000],
    ["The first contingent of about 11,000 North Korean soldiers reached Russia in October.", 11000],
    ["North Korea sent around 11,000 soldiers to Russia last year, according to Seoul.", 11000],
    ["In the first wave, North Korea dispatched 11,000 troops to fight for Russia.", 11000],
  ])("reads the English past in %j", (text, value) => {
    expect(read(text, "en")).toEqual([[value, true]]);
  });

  it.each([
    ["Nordkorea hatte ursprünglich rund 11.000 Soldaten nach Russland geschickt.", 11000],
    ["Zunächst entsandte Nordkorea etwa 11.000 Soldaten nach Russland.", 11000],
    ["Im vergangenen Herbst schickte Nordkorea rund 11.000 Soldaten nach Russland.", 11000],
    ["Das erste Kontingent von etwa 11.000 nordkoreanischen Soldaten traf in Russland ein.", 11000],
  ])("reads the German past in %j", (text, value) => {
    expect(read(text, "de")).toEqual([[value, true]]);
  });

  it("keeps today's figure current when the sentence comes back to the present", () => {
    expect(
      read(
        "North Korea initially sent 11,000 troops to Russia, but now some 15,000 soldiers are there.",
        "en",
      ),
    ).toEqual([
      [11000, true],
      [15000, false],
    ]);
    expect(
      read(
        "Nordkorea hatte zunächst 11.000 Soldaten nach Russland geschickt, inzwischen sind dort 15.000 Soldaten.",
        "de",
      ),
    ).toEqual([
      [11000, true],
      [15000, false],
    ]);
  });

  it("leaves a count running since then, this year's news, and a plain figure, current", () => {
    expect(
      read(
        "Zu Beginn dieses Jahres hat Nordkorea mindestens 3.000 weitere Soldaten nach Russland geschickt.",
        "de",
      ),
    ).toEqual([[3000, false]]);
    expect(read("Since last year North Korea has sent about 15,000 soldiers to Russia.", "en")).toEqual([
      [15000, false],
    ]);
    expect(read("Nordkorea hat rund 15.000 Soldaten nach Russland geschickt.", "de")).toEqual([
      [15000, false],
    ]);
  });

  it("marks only figures whose number it finds in their sentence", () => {
    const text = "Initially 11,000 were sent.";
    const figure = {
      metric: "troops_deployed_total" as const,
      min: 11000,
      max: 11000,
      qualifier: "exact" as const,
      source: null,
      modality: "reported" as const,
      region: null,
      date: null,
      quote: text,
      span: [10, 16] as [number, number],
    };
    expect(markHistorical([figure], text, "en")[0]?.historical).toBe(true);
    expect(markHistorical([{ ...figure, span: [0, 0] }], text, "en")[0]?.historical).toBeUndefined();
  });
});
