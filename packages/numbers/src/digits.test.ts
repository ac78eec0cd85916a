import { describe, expect, it } from "vitest";
import { readDigits } from "./digits";

const read = (text: string, lang: "de" | "en") => {
  const d = readDigits(text, 0, lang);
  return d && [text.slice(0, d.end), d.value, d.integer, d.plain];
};

describe("readDigits", () => {
  it.each([
    ["3.600", "de", ["3.600", 3600, true, false]],
    ["3.600", "en", ["3.600", 3.6, false, false]],
    ["3,600", "en", ["3,600", 3600, true, false]],
    ["3,600", "de", ["3,600", 3.6, false, false]],
    ["0,500", "de", ["0,500", 0.5, false, false]],
    ["1,5", "en", ["1,5", 1.5, false, false]],
    ["1.000.000,00", "de", ["1.000.000,00", 1000000, false, false]],
    ["100,000.0", "en", ["100,000.0", 100000, false, false]],
    ["12'000'000", "de", ["12'000'000", 12000000, true, false]],
    ["1\u202F234\u00A0567", "en", ["1\u202F234", 1234, true, false]],
    ["1 234 567,89", "de", ["1 234 567,89", 1234567.89, false, false]],
    ["423 0000", "de", ["423", 423, true, true]],
    ["2024 300", "de", ["2024", 2024, true, true]],
    ["192.168.1.2", "en", ["192", 192, true, true]],
    ["0033", "de", ["0033", 33, true, true]],
    [",77", "de", [",77", 0.77, false, false]],
    ["11.000.", "de", ["11.000", 11000, true, false]],
  ] as const)("%j in %s", (text, lang, expected) => {
    expect(read(text, lang)).toEqual(expected);
  });

  it("stops after eight groups so a run of digit soup stays linear", () => {
    const d = readDigits("1.000".repeat(20), 0, "de");
    expect(d?.end).toBeLessThanOrEqual(4 * 9 + 1);
  });

  it("finds nothing where no digit is", () => {
    expect(readDigits("abc", 0, "de")).toBeUndefined();
    expect(readDigits(".x", 0, "de")).toBeUndefined();
  });
});
