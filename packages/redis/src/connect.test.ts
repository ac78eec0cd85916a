import { describe, expect, it } from "vitest";
import { isConnectionFailure } from "./connect";

describe("isConnectionFailure", () => {
  it("is a lost connection for socket errors, a closed connection and a command timeout", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6379"), { syscall: "connect" });
    expect(isConnectionFailure(refused)).toBe(true);
    expect(isConnectionFailure(new Error("Connection is closed."))).toBe(true);
    expect(isConnectionFailure(new Error("Command timed out"))).toBe(true);
  });

  it("is not for a file's error or an error Redis answered with", () => {
    const missing = Object.assign(new Error("ENOENT: no such file or directory, open 'seeds/a.txt'"), {
      syscall: "open",
      code: "ENOENT",
    });
    expect(isConnectionFailure(missing)).toBe(false);
    expect(isConnectionFailure(new Error("WRONGTYPE Operation against a key holding the wrong kind"))).toBe(
      false,
    );
    expect(isConnectionFailure("connect")).toBe(false);
  });
});
