/**
 * @module rules/staff/credential-packs
 * The credential packs, parsed and checked once at load, like the ratio packs: a pack that does not
 * parse, repeats an id, or labels a citation UNCONFIRMED in one place but not the other throws at
 * startup. Loaded packs are frozen.
 */
import {
  type CredentialPack,
  type CredentialPackInput,
  credentialPackSchema,
} from "../credential-pack.js";
import { deepFreeze } from "../freeze.js";
import { usAzCredentials } from "./us-az.js";
import { usCaCredentials } from "./us-ca.js";
import { usFlCredentials } from "./us-fl.js";
import { usGaCredentials } from "./us-ga.js";
import { usIlCredentials } from "./us-il.js";
import { usMaCredentials } from "./us-ma.js";
import { usMiCredentials } from "./us-mi.js";
import { usNcCredentials } from "./us-nc.js";
import { usNjCredentials } from "./us-nj.js";
import { usNyCredentials } from "./us-ny.js";
import { usOhCredentials } from "./us-oh.js";
import { usPaCredentials } from "./us-pa.js";
import { usTxCredentials } from "./us-tx.js";
import { usVaCredentials } from "./us-va.js";
import { usWaCredentials } from "./us-wa.js";

const inputs: readonly CredentialPackInput[] = [
  usCaCredentials,
  usTxCredentials,
  usNyCredentials,
  usFlCredentials,
  usWaCredentials,
  usIlCredentials,
  usPaCredentials,
  usOhCredentials,
  usGaCredentials,
  usNcCredentials,
  usMiCredentials,
  usNjCredentials,
  usVaCredentials,
  usMaCredentials,
  usAzCredentials,
];

/** A citation's strength and its source line must agree on whether it is unconfirmed. */
export function citationProblem(
  what: string,
  c: { source: string; strength: string },
): string | null {
  const saysSo = c.source.startsWith("UNCONFIRMED:");
  if (saysSo !== (c.strength === "UNCONFIRMED")) {
    return `${what}: strength ${c.strength} but source ${saysSo ? "starts" : "does not start"} with "UNCONFIRMED:"`;
  }
  return null;
}

/** What is structurally wrong with a credential pack, one line each (empty when sound). */
export function credentialPackProblems(pack: CredentialPack): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const types = new Set<string>();
  for (const r of [...pack.credentials, ...pack.training]) {
    if (ids.has(r.id)) problems.push(`${pack.code}: requirement id ${r.id} used twice`);
    ids.add(r.id);
    const p = citationProblem(`${pack.code} ${r.id}`, r.citation);
    if (p) problems.push(p);
  }
  for (const c of pack.credentials) {
    if (types.has(c.type)) problems.push(`${pack.code}: credential type ${c.type} required twice`);
    types.add(c.type);
  }
  for (const t of pack.training) {
    if (t.period.anchor === "calendar" && t.period.months !== 12) {
      problems.push(`${pack.code} ${t.id}: calendar periods must be 12 months`);
    }
  }
  return problems;
}

function load(input: CredentialPackInput): CredentialPack {
  const parsed = credentialPackSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`credential pack ${input.code} does not parse: ${parsed.error.message}`);
  }
  const problems = credentialPackProblems(parsed.data);
  if (problems.length > 0) {
    throw new Error(`credential pack ${input.code} is malformed:\n${problems.join("\n")}`);
  }
  return deepFreeze(parsed.data);
}

/** Every credential pack by jurisdiction code (the ratio pack's code). */
export const credentialPacks: ReadonlyMap<string, CredentialPack> = new Map(
  inputs.map((input) => {
    const pack = load(input);
    return [pack.code, pack] as const;
  }),
);

export function getCredentialPack(code: string): CredentialPack | undefined {
  return credentialPacks.get(code);
}
