import { describe, expect, it } from "vitest";
import {
  EventListOption,
  KeywordOption,
  MetricListOption,
  MinChangeOption,
  QuietHoursOption,
  SubscribeOptionsSchema,
  validationMessage,
} from "./options";

describe("option schemas shared by slash commands and zw", () => {
  it("reads a minimum change as a share or a percentage", () => {
    expect(MinChangeOption.parse(0.1)).toBe(0.1);
    expect(MinChangeOption.parse("0.25")).toBe(0.25);
    expect(MinChangeOption.parse("0,25")).toBe(0.25);
    expect(MinChangeOption.parse("15%")).toBe(0.15);
    expect(MinChangeOption.parse("15 %")).toBeCloseTo(0.15);
    expect(MinChangeOption.safeParse("-1").success).toBe(false);
    expect(MinChangeOption.safeParse("11").success).toBe(false);
    expect(MinChangeOption.safeParse("").success).toBe(false);
    expect(MinChangeOption.safeParse("viel").success).toBe(false);
  });

  it("reads quiet hours as from-to UTC hours, or off", () => {
    expect(QuietHoursOption.parse("22-6")).toEqual({ from: 22, to: 6 });
    expect(QuietHoursOption.parse(" 0 - 7 ")).toEqual({ from: 0, to: 7 });
    expect(QuietHoursOption.parse("off")).toBeNull();
    for (const bad of ["24-6", "6-6", "22", "abends"])
      expect(QuietHoursOption.safeParse(bad).success, bad).toBe(false);
  });

  it("reads lists separated by commas, spaces or semicolons, once each", () => {
    expect(MetricListOption.parse("killed, wounded;killed")).toEqual(["killed", "wounded"]);
    expect(MetricListOption.parse(["captured"])).toEqual(["captured"]);
    expect(EventListOption.parse("conflict denial")).toEqual(["conflict", "denial"]);
    expect(EventListOption.safeParse(" , ").success).toBe(false);
  });

  it("trims keywords and keeps them between 2 and 100 characters", () => {
    expect(KeywordOption.parse("  Kim   Jong  Un ")).toBe("Kim Jong Un");
    expect(KeywordOption.safeParse(" a ").success).toBe(false);
    expect(KeywordOption.safeParse("x".repeat(101)).success).toBe(false);
  });

  it("names every wrong option, as the user typed it", () => {
    const result = SubscribeOptionsSchema.safeParse({
      guildId: "123456789012345678",
      channelId: "general",
      metrics: "killed,kiled",
      minChange: "lots",
    });
    expect(result.success).toBe(false);
    expect(validationMessage(result.error, { channelId: "channel", minChange: "min_change" })).toBe(
      "channel: expected a Discord id (17 to 20 digits); metrics: unknown kiled (known: troops_deployed_total, troops_additional, troops_in_region, troops_in_training, casualties_total, killed, wounded, captured, officers, generals, shells_delivered, howitzers_delivered, mlrs_delivered, artillery_systems_delivered, missiles_delivered, ammo_share_percent); min_change: a share like 0.1 or a percentage like 10%",
    );
    expect(validationMessage(new Error("x"))).toBeNull();
    const everyone = SubscribeOptionsSchema.safeParse({
      guildId: "123456789012345678",
      channelId: "123456789012345679",
      roleId: "123456789012345678",
    });
    expect(validationMessage(everyone.error, { roleId: "role" })).toBe("role: not @everyone: choose a role");
  });
});
