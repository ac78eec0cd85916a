import { describe, expect, it } from "vitest";
import { contentHash } from "./content-hash";

describe("contentHash", () => {
  it("is a sha256 hex digest", () => {
    expect(contentHash("Nordkorea")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("ignores case, whitespace runs, line breaks and Unicode composition", () => {
    const a = contentHash("Rund 11.000 Soldaten\nsind in Kursk.");
    expect(contentHash("  rund 11.000   SOLDATEN sind\tin kursk. ")).toBe(a);
    expect(contentHash("Ru\u0308ckzug")).toBe(contentHash("Rückzug"));
    expect(contentHash("11\u00a0000")).toBe(contentHash("11 000"));
  });

  it("tells different texts apart", () => {
    expect(contentHash("11.000 Soldaten")).not.toBe(contentHash("12.000 Soldaten"));
  });
});
