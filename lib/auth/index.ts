export { handlers, auth, signIn, signOut, SignInThrottled } from "./config";
export { endAllSessionsOf } from "./sessions";
export { actorOf, getCurrentUser, requirePageUser, serverAction } from "./session";
export { authorize, hasAccess, type Access, type SessionRole, type SessionUser } from "./authorize";
