export { handlers, auth, signIn, signOut } from "./config";
export { actorOf, getCurrentUser, hasRole, requirePageUser, type SessionUser } from "./session";
export { authedAction } from "./action";
