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
