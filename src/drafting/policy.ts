/**
 * @module drafting/policy
 * A center's drafting policy: its late pick-up fee schedule, the absence cut-off, and the review
 * interval with staff hire dates. Hire dates are here, not in the directory, because neither
 * platform adapter syncs them yet; a center without a policy uses the defaults and no reviews.
 */
import { z } from "zod";
import {
  absencePolicySchema,
  latePickupPolicySchema,
  reviewPolicySchema,
  staffHireSchema,
} from "../rules/index.js";

export const draftingPolicySchema = z.object({
  latePickup: latePickupPolicySchema.prefault({
    closesAt: "18:00",
    fee: { per: "minute", amountCents: 100 },
  }),
  absence: absencePolicySchema.prefault({}),
  review: reviewPolicySchema.prefault({}),
  hires: z.array(staffHireSchema).default([]),
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
