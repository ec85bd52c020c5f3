/**
 * @module drafting/policy
 * A center's drafting policy: its late pick-up fee schedule, the absence cut-off and the review
 * interval. Hire dates are staff records (storage/staff-records, imported or entered on the staff
 * page); a `hires` list in an older policy object is stripped on parse, like any unknown key.
 */
import { z } from "zod";
import { absencePolicySchema, latePickupPolicySchema, reviewPolicySchema } from "../rules/index.js";

export const draftingPolicySchema = z.object({
  latePickup: latePickupPolicySchema.prefault({
    closesAt: "18:00",
    fee: { per: "minute", amountCents: 100 },
  }),
  absence: absencePolicySchema.prefault({}),
  review: reviewPolicySchema.prefault({}),
  /** What the center does when a room cannot be staffed: quoted in the families' notice. */
  ratioImpactPlan: z
    .string()
    .min(1)
    .max(500)
    .default(
      "We are combining the group with another room, within ratio, until staffing is restored.",
    ),
});
export type DraftingPolicy = z.infer<typeof draftingPolicySchema>;
export type DraftingPolicyInput = z.input<typeof draftingPolicySchema>;

export const defaultDraftingPolicy: DraftingPolicy = draftingPolicySchema.parse({});
