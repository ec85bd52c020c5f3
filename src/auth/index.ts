/**
 * @module auth
 * Users, roles, sessions and API tokens: who may see and decide what.
 */
export {
  canSeeCenter,
  type Membership,
  membershipAt,
  type Principal,
  type Role,
  roleSchema,
  type Scope,
} from "./principal.js";
