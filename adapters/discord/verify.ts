/**
 * Discord request signatures: Ed25519 over `timestamp + body`, checked with node:crypto against the
 * application's public key (hex, from the developer portal).
 */
import { createPublicKey, type KeyObject, verify } from "node:crypto";
import type { Clock } from "../../src/model.ts";

/** Requests older (or newer) than this are refused, so a captured request cannot be replayed later. */
export const MAX_SKEW_S = 5 * 60;

export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) {
    throw new Error("DISCORD_PUBLIC_KEY must be the application's 64-character hex public key");
  }
  const x = Buffer.from(hex, "hex").toString("base64url");
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
}

export type Verifier = (
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
) => boolean;

export function createVerifier(publicKeyHex: string, clock: Clock): Verifier {
  const key = publicKeyFromHex(publicKeyHex);
  return (signature, timestamp, body) => {
    if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) {
      return false;
    }
    const age = Math.abs(clock.now().getTime() / 1000 - Number(timestamp));
    if (age > MAX_SKEW_S) return false;
    return verify(
      null,
      Buffer.concat([Buffer.from(timestamp, "utf8"), body]),
      key,
      Buffer.from(signature, "hex"),
    );
  };
}
