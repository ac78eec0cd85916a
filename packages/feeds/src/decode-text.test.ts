import { describe, expect, it } from "vitest";
import { decodeText } from "./decode-text";

const UMLAUTS = "Äpfel, Öl, Übung, Straße";

describe("decodeText", () => {
  it("follows a byte-order mark over every declaration", () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(UMLAUTS)]);
    expect(decodeText(utf8, "text/xml; charset=iso-8859-1", "xml")).toBe(UMLAUTS);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(UMLAUTS, "utf16le")]);
    expect(decodeText(utf16, undefined, "xml")).toBe(UMLAUTS);
  });

  it("prefers the header charset over the document's declaration", () => {
    const body = Buffer.from(`<?xml version="1.0" encoding="utf-8"?>${UMLAUTS}`, "latin1");
    expect(decodeText(body, "text/xml; charset=ISO-8859-1", "xml")).toContain(UMLAUTS);
  });

  it("reads an HTML meta charset", () => {
    const body = Buffer.from(`<html><head><meta charset="windows-1252"></head><body>${UMLAUTS}`, "latin1");
    expect(decodeText(body, "text/html", "html")).toContain(UMLAUTS);
    const httpEquiv = Buffer.from(
      `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>${UMLAUTS}`,
      "latin1",
    );
    expect(decodeText(httpEquiv, undefined, "html")).toContain(UMLAUTS);
  });

  it("maps windows-1252's 0x80-0x9F to their characters (€ – „ “ ™)", () => {
    const body = Buffer.from([0x80, 0x20, 0x96, 0x20, 0x84, 0x61, 0x93, 0x20, 0x99]);
    expect(decodeText(body, "text/plain; charset=windows-1252", "xml")).toBe("€ – „a“ ™");
  });

  it("falls back to windows-1252 for undeclared or wrongly declared non-UTF-8, and ignores unknown labels", () => {
    const body = Buffer.from(UMLAUTS, "latin1");
    expect(decodeText(body, undefined, "xml")).toBe(UMLAUTS);
    expect(decodeText(body, "text/xml; charset=utf-8", "xml")).toBe(UMLAUTS);
    expect(decodeText(Buffer.from(UMLAUTS), "text/xml; charset=x-klingon", "xml")).toBe(UMLAUTS);
    const utf16Claim = Buffer.from(`<?xml version="1.0" encoding="UTF-16"?><t>${UMLAUTS}</t>`);
    expect(decodeText(utf16Claim, "text/xml", "xml")).toContain(UMLAUTS);
  });
});
