/**
 * @module auth
 * Users, roles, sessions and API tokens: who may see and decide what.
 */
export {
  type CreatedToken,
  createApiToken,
  listTokens,
  type NewToken,
  newTokenSchema,
  principalFromApiToken,
  revokeApiToken,
  type TokenListing,
} from "./api-tokens.js";
export { CsrfField, csrfField, SignOutForm } from "./csrf-field.js";
export {
  apiAuth,
  bearerToken,
  bootstrapPrincipal,
  CSRF_FIELD,
  CSRF_HEADER,
  centerAccess,
  csrfGuard,
  isPublicPath,
  pageAuth,
  principalFromBearer,
  principalOf,
  requireVisibleCenter,
  sessionCookieName,
  unknownCenter,
} from "./http.js";
export { withBearerAuth } from "./openapi.js";
export { hashPassword, verifyPassword } from "./password.js";
export {
  canSeeCenter,
  type Membership,
  membershipAt,
  type Principal,
  type Role,
  roleSchema,
  type Scope,
} from "./principal.js";
export { registerAuth } from "./routes.js";
export { type SandboxSignIn, seedSandboxUsers } from "./sandbox-users.js";
export { checkPassword, createSession, endSession, sessionFromCookie } from "./sessions.js";
export {
  addUser,
  effectiveScopes,
  membershipSchema,
  type NewUser,
  newUserSchema,
  principalForUser,
  type User,
} from "./users.js";
