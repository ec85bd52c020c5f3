import { describe, expect, it } from "vitest";
import type { Principal } from "../auth/index.js";
import { inScope, maySeeNames, roleAt, scopeForPrincipal } from "./auth.js";

const principal = (memberships: Principal["memberships"]): Principal => ({
  kind: "token",
  actor: "token:t1",
  userId: "u1",
  name: "Test",
  memberships,
  scopes: ["read"],
});

describe("scopeForPrincipal", () => {
  it("limits to the user's centers, with the role at each deciding names", () => {
    const scope = scopeForPrincipal(
      principal([
        { centerId: "a", role: "director", roomIds: [] },
        { centerId: "b", role: "auditor", roomIds: [] },
      ]),
    );
    expect(inScope(scope, "a")).toBe(true);
    expect(inScope(scope, "b")).toBe(true);
    expect(inScope(scope, "c")).toBe(false);
    expect(maySeeNames(roleAt(scope, "a"))).toBe(true);
    expect(maySeeNames(roleAt(scope, "b"))).toBe(false);
    // Anything not about one center goes by the least-seeing role.
    expect(scope.role).toBe("auditor");
  });

  it("turns a * membership into every center", () => {
    const scope = scopeForPrincipal(principal([{ centerId: "*", role: "director", roomIds: [] }]));
    expect(scope.centers).toBe("*");
    expect(roleAt(scope, "anything")).toBe("director");
  });
});
