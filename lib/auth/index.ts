export { handlers, auth, signIn, signOut } from "./config";
export { actorOf, authedAction, getCurrentUser, requirePageUser } from "./session";
export { authorize, hasRole, type SessionUser } from "./authorize";
