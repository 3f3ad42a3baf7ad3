import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/**
 * Password hashing shared by the seed and the web app (better-auth is configured with these), in
 * better-auth's own format so hashes written by either verify in both: `<salt hex>:<key hex>`, scrypt
 * over the NFKC-normalised password with N = 16384, r = 16, p = 1 and a 64-byte key.
 */
const SCRYPT = { N: 16_384, r: 16, p: 1, keyBytes: 64, saltBytes: 16 } as const;

function deriveKey(password: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize("NFKC"),
      salt,
      SCRYPT.keyBytes,
      // Node's default maxmem (32 MiB) is exactly 128·N·r; twice that leaves headroom.
      { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: 128 * SCRYPT.N * SCRYPT.r * 2 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** Hashes `password` with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltBytes).toString("hex");
  const key = await deriveKey(password, salt);
  return `${salt}:${key.toString("hex")}`;
}

/** True when `password` matches `hash` (compared in constant time); throws on a malformed hash. */
export async function verifyPassword({ hash, password }: { hash: string; password: string }): Promise<boolean> {
  const [salt, keyHex] = hash.split(":");
  if (!salt || !keyHex) throw new Error("malformed password hash: expected <salt>:<key>");
  const expected = Buffer.from(keyHex, "hex");
  const actual = await deriveKey(password, salt);
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}
