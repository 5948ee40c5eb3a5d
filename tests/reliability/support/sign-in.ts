import { DEMO_ACCOUNTS, type DemoAccount } from "@/db/seed";

/** `name=value` pairs from a response's Set-Cookie headers, ready for a Cookie header. */
function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(";")[0]!);
}

/**
 * Signs in over HTTP as a browser does with next-auth's credentials provider (CSRF token, then the
 * callback) and returns the Cookie header that carries the session.
 */
export async function signIn(baseUrl: string, credentials: { email: string; password: string }): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = cookiePairs(csrf);
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email: credentials.email, password: credentials.password, callbackUrl: `${baseUrl}/` }),
  });
  const session = cookiePairs(callback).filter((pair) => /session-token=./.test(pair));
  if (session.length === 0) throw new Error(`Sign-in as ${credentials.email} set no session cookie (HTTP ${callback.status})`);
  return [...csrfCookies, ...session].join("; ");
}

/** Signs in as the demo account of `role` (seeded by `openAppDatabase`). */
export async function signInAs(baseUrl: string, role: DemoAccount["role"]): Promise<string> {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account for ${role}`);
  return signIn(baseUrl, account);
}
