import { eq } from "drizzle-orm";
import postgres from "postgres";
import { users } from "@/db/schema";
import { findSessionUser, openAuthSession } from "@/lib/auth/sessions";
import { alternate, figure, median } from "./measure";
import type { BenchContext, BenchFigure, Scenario } from "./types";

/**
 * What the server-side session costs every signed-in request: `findSessionUser` (the session row,
 * its user and their role, read so that a disabled person, a new role or a new password takes
 * effect at the next click) through the app's module, beside the same statement by hand on
 * postgres.js, alternating, on the benchmark database. The value is the check's own time per
 * request; the ratio is what drizzle's building and mapping add.
 */
const WARM_UP = 20;
const ROUNDS = Number(process.env.BENCH_ITERATIONS ?? 60) * 10;

const HAND_CHECK = `
select u.*, r.*
from auth_sessions s
join users u on u.id = s.user_id
join roles r on r.id = u.role_id
where s.id = $1 and s.user_id = $2 and s.ended_at is null and s.expires_at > now() and u.disabled_at is null`;

export const sessionScenario: Scenario = {
  name: "session",
  async run(context: BenchContext): Promise<BenchFigure[]> {
    const [user] = await context.db.select({ id: users.id }).from(users).where(eq(users.email, "staff@example.com"));
    if (!user) throw new Error("the demo staff account is missing");
    const session = { id: await openAuthSession(context.db, user.id, 3_600_000), userId: user.id };
    const hand = postgres(context.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const [built, byHand] = await alternate(
        [
          async () => {
            if (!(await findSessionUser(context.db, session))) throw new Error("session not found");
          },
          async () => {
            if ((await hand.unsafe(HAND_CHECK, [session.id, session.userId])).length !== 1) throw new Error("session not found by hand");
          },
        ],
        { warmUp: WARM_UP, rounds: ROUNDS },
      );
      return [figure("session check per request", "ms", median(built), median(byHand))];
    } finally {
      await hand.end({ timeout: 5 });
    }
  },
};
