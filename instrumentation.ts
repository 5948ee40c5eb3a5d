/**
 * Runs once when the server starts: a broken environment (e.g. no AUTH_SECRET in production)
 * stops the server here, with the reason, instead of failing on the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    env();
  }
}
