import { describe, expect, it } from "vitest";
import { useTestRedis } from "../../../tests/fixtures/redis";
import { DeliveryLog } from "./delivery-log";

describe("DeliveryLog", () => {
  const db = useTestRedis();

  it("remembers deliveries by job id and the time of the last posted alert", async () => {
    const log = new DeliveryLog(db.redis, { prefix: "t1:" });
    expect(await log.wasDelivered("alert-1")).toBe(false);
    expect(await log.lastDeliveryAt()).toBeNull();
    await log.recordDelivery("alert-1", "posted", new Date("2025-05-01T10:00:00Z"));
    await log.recordDelivery("alert-2", "digest", new Date("2025-05-01T11:00:00Z"));
    expect(await log.wasDelivered("alert-1")).toBe(true);
    expect(await log.wasDelivered("alert-2")).toBe(true);
    expect(await log.lastDeliveryAt()).toBe("2025-05-01T10:00:00.000Z");
    expect(await db.redis.ttl("t1:delivery:sent:alert-1")).toBeGreaterThan(29 * 24 * 3600);
  });
});
