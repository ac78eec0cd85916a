import { createHash } from "node:crypto";

/**
 * sha256 hex of a text with Unicode (NFKC), case and whitespace normalized, so the same article reprinted
 * with other line breaks or capitalisation hashes the same.
 */
export function contentHash(text: string): string {
  const normalized = text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
  return createHash("sha256").update(normalized, "utf8").digest("hex");
}
