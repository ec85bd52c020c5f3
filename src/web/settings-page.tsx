/**
 * @module web/settings-page
 * Center settings: the jurisdiction's rule pack with its citations, the center's own stricter
 * ratios, and the alert policy (channels, escalation, cool-down, shadow mode). Everyone who can
 * see the center reads them; only its director edits them, and every change is audited.
 */
import type { Context, Hono } from "hono";
import { storedPolicyFor } from "../alerts/engine.js";
import type { AlertPolicy } from "../alerts/policy.js";
import { alertSeveritySchema } from "../alerts/policy.js";
import { appendAudit } from "../audit/append.js";
import type { Principal } from "../auth/principal.js";
import { WEEKDAYS } from "../domain/hours.js";
import type { Center } from "../domain/index.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { type CenterPolicy, centerPolicySchema, type RulePack } from "../rules/pack.js";
import { getRulePack } from "../rules/packs/index.js";
import { putAlertPolicy } from "../storage/alerts.js";
import { getCenterHours, putCenterHours } from "../storage/center-hours.js";
import { inTransaction } from "../storage/db.js";
import { getPolicy, putPolicy } from "../storage/ratio.js";
import { canEditSettings } from "./access.js";
import { frameFor } from "./frame.js";
import { CsrfField, centerPath, renderBare, renderPage } from "./layout.js";
import {
  alertPolicyFromForm,
  centerHoursFromForm,
  centerPolicyFromForm,
  type FieldErrors,
  type FormValues,
  packBands,
  ruleChannels,
  weekdayNames,
} from "./settings-form.js";

type Values = Record<string, string | string[]>;

function FieldError({ errors, field }: { errors: FieldErrors; field: string }) {
  const message = errors[field];
  return message ? (
    <p class="field-error" id={`err-${field}`} data-error-for={field}>
      {message}
    </p>
  ) : null;
}

/**
 * A labelled text input with its error, the one shape every settings field takes. `describedBy`
 * ties the input to its error for screen readers where the error is not next to the label.
 */
function Field({
  id,
  name,
  label,
  value,
  editable,
  errors,
  url = false,
  describedBy = false,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  editable: boolean;
  errors: FieldErrors;
  url?: boolean;
  describedBy?: boolean;
}) {
  const invalid = Boolean(errors[name]);
  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={url ? "url" : undefined}
        inputmode={url ? undefined : "numeric"}
        size={url ? undefined : 4}
        value={value}
        disabled={!editable}
        aria-invalid={invalid ? "true" : undefined}
        aria-describedby={describedBy && invalid ? `err-${name}` : undefined}
      />
      <FieldError errors={errors} field={name} />
    </>
  );
}

function storedCenterPolicy(ctx: AppContext, centerId: string): CenterPolicy | undefined {
  const parsed = centerPolicySchema.safeParse(getPolicy(ctx.db, centerId));
  return parsed.success ? parsed.data : undefined;
}

function PackSection({ pack }: { pack: RulePack }) {
  return (
    <section aria-labelledby="pack-h">
      <h2 id="pack-h">Jurisdiction rule pack</h2>
      <p>
        <strong data-pack={pack.code}>{pack.name}</strong> ({pack.code}, sources as of {pack.asOf})
      </p>
      <p class="muted">{pack.summary}</p>
      <p class="muted">
        Staff rules: minimum age {pack.staff.minAge}; {pack.staff.citation.source}
      </p>
    </section>
  );
}

/** The center's own numbers for a band, one column each. */
const bandInputs = [
  { key: "ratio", label: "Children per staff" },
  { key: "maxGroup", label: "Max group" },
] as const;

function RatioForm({
  pack,
  policy,
  editable,
  csrfToken,
  errors,
  values,
  action,
}: {
  pack: RulePack;
  policy: CenterPolicy | undefined;
  editable: boolean;
  csrfToken: string | undefined;
  errors: FieldErrors;
  values: Values | undefined;
  action: string;
}) {
  const value = (field: string, fallback: number | null | undefined) => {
    const v = values?.[field];
    if (typeof v === "string") return v;
    return fallback === null || fallback === undefined ? "" : String(fallback);
  };
  const rows = packBands(pack).map((band) => {
    const mine = policy?.bands[band.id];
    return (
      <tr data-band={band.id}>
        <th scope="row">
          {band.label}
          <div class="muted">{band.program}</div>
        </th>
        <td>
          1:{band.ratio}
          {band.maxGroup ? `, group ≤ ${band.maxGroup}` : ""}
          <div class="muted">
            {band.citation.source}
            {band.open ? " (open question: stricter reading)" : ""}
          </div>
        </td>
        {bandInputs.map(({ key, label }) => {
          const field = `band.${band.id}.${key}`;
          return (
            <td>
              <Field
                id={`f-${field}`}
                name={field}
                label={label}
                value={value(field, mine?.[key])}
                editable={editable}
                errors={errors}
                describedBy
              />
            </td>
          );
        })}
      </tr>
    );
  });
  return (
    <section aria-labelledby="ratio-h">
      <h2 id="ratio-h">Center ratios (may only be stricter)</h2>
      <p class="muted">
        Blank means the pack applies. A band with a center ratio uses the center's numbers whole.
      </p>
      <form method="post" action={action} data-form="ratios">
        <CsrfField token={csrfToken} />
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Age band</th>
                <th scope="col">Pack</th>
                <th scope="col">Center ratio</th>
                <th scope="col">Center max group</th>
              </tr>
            </thead>
            <tbody>{rows}</tbody>
          </table>
        </div>
        <Field
          id="f-critical"
          name="violationCriticalAfterMinutes"
          label="Minutes out of ratio before a violation is critical"
          value={value("violationCriticalAfterMinutes", policy?.violationCriticalAfterMinutes ?? 5)}
          editable={editable}
          errors={errors}
        />
        {editable ? (
          <p>
            <button type="submit" class="primary">
              Save ratios
            </button>
          </p>
        ) : null}
      </form>
    </section>
  );
}

const hoursSourceWords = {
  platform: "from the childcare platform",
  director: "set by the director",
  sandbox: "seeded for the sandbox",
} as const;

/** Opening hours per weekday: the opening/closing ratio rules and the staffing plan use them. */
function HoursForm({
  stored,
  editable,
  csrfToken,
  errors,
  values,
  action,
}: {
  stored: ReturnType<typeof getCenterHours>;
  editable: boolean;
  csrfToken: string | undefined;
  errors: FieldErrors;
  values: Values | undefined;
  action: string;
}) {
  const value = (field: string, fallback: string | undefined) => {
    const v = values?.[field];
    return typeof v === "string" ? v : (fallback ?? "");
  };
  return (
    <section aria-labelledby="hours-h">
      <h2 id="hours-h">Opening hours</h2>
      <p class="muted">
        {stored
          ? `Local time, ${hoursSourceWords[stored.source]}. Leave a day blank when the center is closed.`
          : "No hours stored yet: opening and closing ratio rules are not applied, and the staffing plan assumes 06:00–19:00. Leave a day blank when the center is closed."}
      </p>
      <form method="post" action={action} data-form="hours">
        <CsrfField token={csrfToken} />
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Opens</th>
                <th scope="col">Closes</th>
              </tr>
            </thead>
            <tbody>
              {WEEKDAYS.map((day) => {
                const hours = stored?.hours[day] ?? undefined;
                return (
                  <tr data-day={day}>
                    <th scope="row">{weekdayNames[day]}</th>
                    {(["opensAt", "closesAt"] as const).map((key) => {
                      const field = `hours.${day}.${key}`;
                      return (
                        <td>
                          <Field
                            id={`f-${field}`}
                            name={field}
                            label={`${weekdayNames[day]} ${key === "opensAt" ? "opens" : "closes"}`}
                            value={value(field, hours?.[key])}
                            editable={editable}
                            errors={errors}
                            describedBy
                          />
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {editable ? (
          <p>
            <button type="submit" class="primary">
              Save hours
            </button>
          </p>
        ) : null}
      </form>
    </section>
  );
}

function AlertForm({
  policy,
  editable,
  csrfToken,
  errors,
  values,
  action,
}: {
  policy: AlertPolicy;
  editable: boolean;
  csrfToken: string | undefined;
  errors: FieldErrors;
  values: Values | undefined;
  action: string;
}) {
  const text = (field: string, fallback: string) => {
    const v = values?.[field];
    return typeof v === "string" ? v : fallback;
  };
  const checked = (field: string, channel: string, current: readonly string[]) => {
    if (!values) return current.includes(channel);
    const v = values[field];
    return Array.isArray(v) ? v.includes(channel) : v === channel;
  };
  const shadow = values ? values.shadowMode === "on" : policy.shadowMode;
  return (
    <section aria-labelledby="alert-h">
      <h2 id="alert-h">Alert policy</h2>
      <form method="post" action={action} data-form="alerts">
        <CsrfField token={csrfToken} />
        <label class="inline">
          <input
            type="checkbox"
            name="shadowMode"
            value="on"
            checked={shadow}
            disabled={!editable}
          />
          Shadow mode: compute and record alerts, send nothing
        </label>
        {alertSeveritySchema.options.map((severity) => {
          const field = `rules.${severity}.channels`;
          return (
            <fieldset aria-describedby={errors[field] ? `err-${field}` : undefined}>
              <legend>
                When a room is {severity}, notify
                {policy.rules[severity].roles.length
                  ? ` (${policy.rules[severity].roles.join(", ").replaceAll("_", " ")})`
                  : ""}
              </legend>
              {ruleChannels.map((channel) => (
                <label class="inline">
                  <input
                    type="checkbox"
                    name={field}
                    value={channel}
                    checked={checked(field, channel, policy.rules[severity].channels)}
                    disabled={!editable}
                  />
                  {channel.replace("_", "-")}
                </label>
              ))}
              <FieldError errors={errors} field={field} />
            </fieldset>
          );
        })}
        <Field
          id="f-escalate"
          name="escalateAfterMinutes"
          label="Escalate an unacknowledged alert after (minutes)"
          value={text("escalateAfterMinutes", String(policy.escalateAfterMinutes))}
          editable={editable}
          errors={errors}
        />
        <Field
          id="f-cool"
          name="coolDownMinutes"
          label="Back in ratio for this long before an alert resolves (minutes)"
          value={text("coolDownMinutes", String(policy.coolDownMinutes))}
          editable={editable}
          errors={errors}
        />
        <Field
          id="f-slack"
          name="slackWebhookUrl"
          label="Slack incoming webhook (blank: the service's)"
          value={text("slackWebhookUrl", policy.slackWebhookUrl ?? "")}
          editable={editable}
          errors={errors}
          url
        />
        <p class="muted">
          SMS recipients:{" "}
          {Object.entries(policy.recipients)
            .map(([role, people]) => `${role.replaceAll("_", " ")} ${people?.length ?? 0}`)
            .join(", ") || "none"}
          .
        </p>
        {editable ? (
          <p>
            <button type="submit" class="primary">
              Save alert policy
            </button>
          </p>
        ) : null}
      </form>
    </section>
  );
}

/** Form values as strings (or lists of them), to put back into the form after an error. */
const asValues = (form: FormValues): Values =>
  Object.fromEntries(
    Object.entries(form).map(([k, v]) => [
      k,
      Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : String(v),
    ]),
  );

export function registerSettingsPage(app: Hono<AppEnv>, ctx: AppContext): void {
  const alertPolicyOf = storedPolicyFor(ctx.db, ctx.logger);

  const render = (
    c: Context<AppEnv>,
    framed: { principal: Principal; center: Center; frame: Parameters<typeof renderPage>[1] },
    opts: {
      errors?: { form: "ratios" | "alerts" | "hours"; fields: FieldErrors; values: Values };
      saved?: string;
    } = {},
  ) => {
    const { center, principal } = framed;
    const pack = getRulePack(center.jurisdiction);
    const editable = canEditSettings(principal, center.id);
    const action = centerPath(center.id, "settings");
    const csrfToken = c.get("csrfToken");
    const failed = opts.errors;
    return renderPage(
      c,
      {
        ...framed.frame,
        children: (
          <>
            {opts.saved === "ratios" || opts.saved === "alerts" || opts.saved === "hours" ? (
              <p class="notice good" role="status" data-saved={opts.saved}>
                Saved the{" "}
                {opts.saved === "ratios"
                  ? "center ratios"
                  : opts.saved === "hours"
                    ? "opening hours"
                    : "alert policy"}
                .
              </p>
            ) : null}
            {failed ? (
              <div class="notice bad" role="alert" data-errors>
                Nothing was saved. Fix {Object.keys(failed.fields).length === 1 ? "this" : "these"}:
                <ul>
                  {Object.entries(failed.fields).map(([field, message]) => (
                    <li>
                      <a href={`#f-${field}`}>{message}</a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {editable ? null : (
              <p class="notice warn">Read-only: only the center's director changes settings.</p>
            )}
            {pack ? (
              <>
                <PackSection pack={pack} />
                <RatioForm
                  pack={pack}
                  policy={storedCenterPolicy(ctx, center.id)}
                  editable={editable}
                  csrfToken={csrfToken}
                  errors={failed?.form === "ratios" ? failed.fields : {}}
                  values={failed?.form === "ratios" ? failed.values : undefined}
                  action={`${action}/ratios`}
                />
              </>
            ) : (
              <p class="notice bad">
                No rule pack for {center.jurisdiction}: this center's rooms are not evaluated.
              </p>
            )}
            <HoursForm
              stored={getCenterHours(ctx.db, center.id)}
              editable={editable}
              csrfToken={csrfToken}
              errors={failed?.form === "hours" ? failed.fields : {}}
              values={failed?.form === "hours" ? failed.values : undefined}
              action={`${action}/hours`}
            />
            <AlertForm
              policy={alertPolicyOf(center.id)}
              editable={editable}
              csrfToken={csrfToken}
              errors={failed?.form === "alerts" ? failed.fields : {}}
              values={failed?.form === "alerts" ? failed.values : undefined}
              action={`${action}/alerts`}
            />
          </>
        ),
      },
      failed ? 400 : 200,
    );
  };

  app.get("/centers/:centerId/settings", (c) => {
    const framed = frameFor(c, ctx, "settings");
    if (!framed.ok) return framed.response;
    return render(
      c,
      { ...framed, frame: { ...framed.frame, title: "Settings" } },
      { saved: c.req.query("saved") },
    );
  });

  const save = (form: "ratios" | "alerts" | "hours") =>
    app.post(`/centers/:centerId/settings/${form}`, async (c) => {
      const framed = frameFor(c, ctx, "settings");
      if (!framed.ok) return framed.response;
      const { center, principal } = framed;
      const page = { ...framed, frame: { ...framed.frame, title: "Settings" } };
      if (!canEditSettings(principal, center.id)) {
        return renderBare(c, 403, "Not allowed", "Only the center's director changes settings.");
      }
      const body = await c.req.parseBody({ all: true });
      const at = ctx.wallClock().toISOString();
      const audit = (action: string, data: Record<string, unknown>) => ({
        actor: principal.actor,
        action,
        centerId: center.id,
        subject: `center:${center.id}`,
        sourceIds: [],
        correlationId: null,
        data,
      });
      if (form === "ratios") {
        const pack = getRulePack(center.jurisdiction);
        if (!pack) return render(c, page);
        const parsed = centerPolicyFromForm(pack, body);
        if (!parsed.ok) {
          return render(c, page, {
            errors: { form, fields: parsed.errors, values: asValues(body) },
          });
        }
        inTransaction(ctx.db, (tx) => {
          putPolicy(tx, center.id, parsed.value, at);
          appendAudit(tx, audit("settings.ratios_updated", { policy: parsed.value }), at);
        });
      } else if (form === "hours") {
        const parsed = centerHoursFromForm(body);
        if (!parsed.ok) {
          return render(c, page, {
            errors: { form, fields: parsed.errors, values: asValues(body) },
          });
        }
        inTransaction(ctx.db, (tx) => {
          putCenterHours(tx, center.id, parsed.value, "director", at);
          appendAudit(tx, audit("settings.hours_updated", { hours: parsed.value }), at);
        });
      } else {
        const parsed = alertPolicyFromForm(alertPolicyOf(center.id), body);
        if (!parsed.ok) {
          return render(c, page, {
            errors: { form, fields: parsed.errors, values: asValues(body) },
          });
        }
        inTransaction(ctx.db, (tx) => {
          putAlertPolicy(tx, center.id, parsed.value, at);
          const { recipients: _people, slackWebhookUrl, ...shown } = parsed.value;
          appendAudit(
            tx,
            audit("settings.alert_policy_updated", {
              ...shown,
              slackWebhookUrl: slackWebhookUrl ? "set" : "default",
            }),
            at,
          );
        });
      }
      return c.redirect(`${centerPath(center.id, "settings")}?saved=${form}`, 303);
    });
  save("ratios");
  save("alerts");
  save("hours");
}
