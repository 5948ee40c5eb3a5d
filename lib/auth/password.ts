import bcrypt from "bcryptjs";

// bcryptjs is pure JavaScript: no native build step on a fresh machine. Cost 10 keeps a
// sign-in near 100 ms on the target machines.
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/**
 * A hash of a random password nobody knows, at the same cost: checked when the email is unknown
 * or disabled, so those sign-ins take as long as a real one and timing does not reveal accounts.
 */
export const DUMMY_PASSWORD_HASH = "$2b$10$qjdA3YwLR8o.kCHqrjcLAusngiIIzZqNFHQ0dVS4e.btVp2.98Zje";
