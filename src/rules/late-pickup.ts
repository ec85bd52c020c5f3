/**
 * @module rules/late-pickup
 * Whether a pick-up was late under the center's policy, and the fee, with the arithmetic spelled
 * out so a family (and the director approving the message) can check it. Pure: the pick-up
 * instant and the center's time zone are parameters.
 */
import { z } from "zod";
import { dateSchema, localTimeSchema } from "../domain/ids.js";
import { instantToZoned, zonedDateTimeToInstant } from "../domain/time.js";

const cents = z.number().int().min(0);

export const latePickupPolicySchema = z.object({
  /** The scheduled close: every child is due to be collected by then. */
  closesAt: localTimeSchema,
  /** Minutes after close before a pick-up counts as late. */
  graceMinutes: z.number().int().min(0).max(120).default(5),
  /** `close`: once late, minutes count from the close; `grace_end`: from the end of the grace. */
  chargeFrom: z.enum(["close", "grace_end"]).default("close"),
  fee: z.discriminatedUnion("per", [
    z.object({ per: z.literal("minute"), amountCents: cents }),
    z.object({
      per: z.literal("block"),
      blockMinutes: z.number().int().min(1).max(120),
      amountCents: cents,
    }),
  ]),
  /** The most one late pick-up costs; null for no cap. */
  capCents: cents.nullable().default(null),
});
export type LatePickupPolicy = z.infer<typeof latePickupPolicySchema>;
export type LatePickupPolicyInput = z.input<typeof latePickupPolicySchema>;

export const latePickupAssessmentSchema = z.object({
  late: z.boolean(),
  date: dateSchema,
  closesAt: localTimeSchema,
  pickedUpAt: localTimeSchema,
  /** Whole minutes after the close, rounded up (a pick-up at 18:00:30 is 1 minute after, shown as 18:01). */
  minutesAfterClose: z.number().int(),
  chargedMinutes: z.number().int(),
  feeCents: z.number().int(),
  capped: z.boolean(),
  arithmetic: z.string(),
});
export type LatePickupAssessment = z.infer<typeof latePickupAssessmentSchema>;

export function formatCents(amount: number): string {
  return `$${(amount / 100).toFixed(2)}`;
}

const minutesLabel = (n: number) => (n === 1 ? "1 minute" : `${n} minutes`);

/** The pick-up at `pickedUpAt` on its local day in `timeZone`, measured against the policy. */
export function assessLatePickup(
  policy: LatePickupPolicy,
  pickedUpAt: Date,
  timeZone: string,
): LatePickupAssessment {
  // The shown time and the minutes late share one rounding (up to the whole minute), so a
  // message never reads "18:19, 20 minutes after our 18:00 close".
  const shown = new Date(Math.ceil(pickedUpAt.getTime() / 60_000) * 60_000);
  const local = {
    date: instantToZoned(pickedUpAt, timeZone).date,
    time: instantToZoned(shown, timeZone).time,
  };
  const close = zonedDateTimeToInstant(local.date, policy.closesAt, timeZone);
  const minutesAfterClose = Math.round((shown.getTime() - close.getTime()) / 60_000);
  const base = {
    date: local.date,
    closesAt: policy.closesAt,
    pickedUpAt: local.time,
    minutesAfterClose,
  };
  if (minutesAfterClose <= policy.graceMinutes) {
    const when =
      minutesAfterClose <= 0
        ? `by the ${policy.closesAt} close`
        : `${minutesLabel(minutesAfterClose)} after the ${policy.closesAt} close, within the ${minutesLabel(policy.graceMinutes)} grace`;
    return {
      ...base,
      late: false,
      chargedMinutes: 0,
      feeCents: 0,
      capped: false,
      arithmetic: `Picked up at ${local.time}, ${when}: no fee.`,
    };
  }
  const chargedMinutes =
    policy.chargeFrom === "close" ? minutesAfterClose : minutesAfterClose - policy.graceMinutes;
  const { fee } = policy;
  const blocks =
    fee.per === "minute" ? chargedMinutes : Math.ceil(chargedMinutes / fee.blockMinutes);
  const uncapped = blocks * fee.amountCents;
  const capped = policy.capCents !== null && uncapped > policy.capCents;
  const feeCents = capped ? (policy.capCents as number) : uncapped;
  const counted =
    policy.chargeFrom === "close"
      ? `${minutesLabel(chargedMinutes)} charged from the close`
      : `${minutesLabel(chargedMinutes)} charged after the grace`;
  const sum =
    fee.per === "minute"
      ? `${chargedMinutes} × ${formatCents(fee.amountCents)} per minute = ${formatCents(uncapped)}`
      : `${blocks} block${blocks === 1 ? "" : "s"} of ${fee.blockMinutes} minutes × ${formatCents(fee.amountCents)} = ${formatCents(uncapped)}`;
  const cap = capped ? `, capped at ${formatCents(feeCents)}` : "";
  return {
    ...base,
    late: true,
    chargedMinutes,
    feeCents,
    capped,
    arithmetic: `Picked up at ${local.time}, ${minutesLabel(minutesAfterClose)} after the ${policy.closesAt} close (grace ${minutesLabel(policy.graceMinutes)}); ${counted}: ${sum}${cap}.`,
  };
}
