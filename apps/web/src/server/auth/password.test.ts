import { hashPassword, verifyPassword } from "@creditseg/db";
import { hashPassword as betterAuthHash, verifyPassword as betterAuthVerify } from "better-auth/crypto";
import { describe, expect, it } from "vitest";

// Hashes stored before the app and the seed shared one helper were written by better-auth's own:
// both directions must keep verifying, or existing users could not sign in.
describe("password hashing shared by the seed and better-auth", () => {
  it("verifies a hash better-auth wrote, and rejects a wrong password for it", async () => {
    const hash = await betterAuthHash("Correct horse 42!");
    expect(await verifyPassword({ hash, password: "Correct horse 42!" })).toBe(true);
    expect(await verifyPassword({ hash, password: "correct horse 42!" })).toBe(false);
  });

  it("writes hashes better-auth's own verifier accepts", async () => {
    const hash = await hashPassword("密码 Passw0rd");
    expect(await betterAuthVerify({ hash, password: "密码 Passw0rd" })).toBe(true);
    expect(await betterAuthVerify({ hash, password: "密码 Passw0rd " })).toBe(false);
  });

  it("salts each hash and refuses a malformed one", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
    await expect(verifyPassword({ hash: "no-separator", password: "x" })).rejects.toThrow(/malformed/);
  });
});
