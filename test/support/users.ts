/**
 * @module test/support/users
 * A user with one membership and a write API token on a running test service, for tests that act
 * as a given role through the real bearer-token middleware.
 */
import { addUser, createApiToken, type Role } from "../../src/auth/index.js";
import type { TestService } from "./service.js";

export interface TestUser {
  email: string;
  token: string;
  tokenId: string;
  /** `fetch` of a path on the service with this user's token. */
  api(path: string, init?: RequestInit): Promise<Response>;
}

export async function userWithToken(
  t: TestService,
  options: { email: string; role: Role; centerId: string; roomIds?: string[] },
): Promise<TestUser> {
  const now = new Date();
  const added = await addUser(
    t.service.ctx.db,
    {
      email: options.email,
      name: options.email,
      memberships: [
        { centerId: options.centerId, role: options.role, roomIds: options.roomIds ?? [] },
      ],
    },
    "test",
    now,
  );
  if (!added.ok) throw added.error;
  const created = createApiToken(
    t.service.ctx.db,
    { userEmail: options.email, name: "test", scope: "write" },
    "test",
    now,
  );
  if (!created.ok) throw created.error;
  const { token, id } = created.value;
  return {
    email: options.email,
    token,
    tokenId: id,
    api: (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set("authorization", `Bearer ${token}`);
      return fetch(`${t.service.url}${path}`, { ...init, headers });
    },
  };
}
