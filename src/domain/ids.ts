import { z } from "zod";

/** Ids are opaque strings; platform ids are kept verbatim so records can be traced back. */
export const idSchema = z.string().min(1).max(128);
export const providerSchema = z.enum(["procare", "kangarootime"]);
export type Provider = z.infer<typeof providerSchema>;

/** An instant with an explicit offset, e.g. `2026-11-23T08:32:15Z`. */
export const instantSchema = z.iso.datetime({ offset: true });
/** A calendar date, `YYYY-MM-DD`. */
export const dateSchema = z.iso.date();
/** A local wall-clock time, `HH:MM`. */
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM");
