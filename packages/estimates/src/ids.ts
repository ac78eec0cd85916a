import { createHash } from "node:crypto";

function digest(parts: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 20);
}

/** Deterministic ids: a hex digest behind a letter prefix, so never all digits and never a ':' (BullMQ job ids). */
export function hashId(prefix: string, parts: unknown[]): string {
  return `${prefix}-${digest(parts)}`;
}
