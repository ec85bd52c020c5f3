/**
 * @module sandbox/alert-policy
 * Alert policies for the simulated centers: the default rules, with the center's director and
 * assistant director as SMS recipients on invented 555-01xx numbers (reserved for fiction), so a
 * demo with Twilio configured would page someone who does not exist.
 */
import type { AlertPolicyInput } from "../alerts/policy.js";
import type { SandboxWorld } from "./world.js";

export function sandboxAlertPolicies(world: SandboxWorld): Map<string, AlertPolicyInput> {
  return new Map(
    world.centers.map((center, n) => {
      const person = (role: "director" | "assistant_director", line: number) =>
        center.staff
          .filter((s) => s.role === role)
          .map((s) => ({
            name: `${s.firstName} ${s.lastName}`,
            phone: `+1555010${String((n * 2 + line) % 100).padStart(2, "0")}`,
          }));
      return [
        center.id,
        {
          recipients: {
            director: person("director", 0),
            assistant_director: person("assistant_director", 1),
          },
        },
      ];
    }),
  );
}
