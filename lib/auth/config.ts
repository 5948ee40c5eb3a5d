import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db";
import { clientAddressOf } from "@/lib/client-address";
import { env } from "@/lib/env";
import { endAuthSession, openAuthSession } from "./sessions";
import { attemptSignIn } from "./sign-in";

declare module "next-auth" {
  interface Session {
    /** The `auth_sessions` row this browser's token names. */
    sessionId?: string;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

const SESSION_MAX_AGE_SECONDS = 60 * 60 * 12;

/** Throttled: the login page tells this apart from a wrong password by its `code`. */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

// A lazy configuration: the secret is read per request, not when `next build` loads the module.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  // The app runs behind whatever host the shop gives it; the app URL in settings is used for links.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const outcome = await attemptSignIn(await getDb(), { ...parsed.data, address: clientAddressOf(request.headers) });
        if (outcome.ok) return { id: String(outcome.user.id), email: outcome.user.email, name: outcome.user.name };
        if (outcome.code === "throttled") throw new SignInThrottled(outcome.retryAfterSeconds);
        return null;
      },
    }),
  ],
  callbacks: {
    // Only the user id and the server-side session travel in the token; the role is read fresh
    // on every request (lib/auth/session.ts), so a demotion or a disabled account takes effect at once.
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = await openAuthSession(await getDb(), Number(user.id), SESSION_MAX_AGE_SECONDS * 1000);
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Both doors out (the sign-out action and POST /api/auth/signout) end the session on the
    // server, so a copied cookie stops working too, not only the browser's own.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endAuthSession(await getDb(), sid);
    },
  },
}));
