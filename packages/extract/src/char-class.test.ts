import { describe, expect, it } from "vitest";
import { charClass, isLetterOrDigit, isLowerCase, isUpperCase } from "./char-class";

describe("charClass", () => {
  it("answers as its regex does, for ASCII, Latin-1 and beyond", () => {
    const code = (s: string) => s.charCodeAt(0);
    expect([..."aäßж"].map((c) => isLowerCase(code(c)))).toEqual([true, true, true, true]);
    expect([..."AÄЖ1 "].map((c) => isLowerCase(code(c)))).toEqual([false, false, false, false, false]);
    expect([..."AÄЖ"].map((c) => isUpperCase(code(c)))).toEqual([true, true, true]);
    expect([..."a9ü٣"].map((c) => isLetterOrDigit(code(c)))).toEqual([true, true, true, true]);
    expect([..."-’ ."].map((c) => isLetterOrDigit(code(c)))).toEqual([false, false, false, false]);
  });

  it("is false past the end of a text (charCodeAt gives NaN) and the same when asked again", () => {
    const space = charClass(/\s/);
    expect(space("".charCodeAt(0))).toBe(false);
    expect(space(0x202f)).toBe(true);
    expect(space(0x202f)).toBe(true);
    expect(space(65)).toBe(false);
  });
});
