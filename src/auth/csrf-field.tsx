/**
 * @module auth/csrf-field
 * What a page puts in every form that posts: the session's CSRF token as a hidden `_csrf` field
 * (the auth middleware refuses a cookie-authenticated post without it), and the sign-out button.
 */
import type { Context } from "hono";
import type { AppEnv } from "../http/context.js";
import { CSRF_FIELD } from "./http.js";

export function CsrfField({ token }: { token: string | undefined }) {
  return <input type="hidden" name={CSRF_FIELD} value={token ?? ""} />;
}

/** `{csrfField(c)}` inside a `<form method="post">` on any signed-in page. */
export function csrfField(c: Context<AppEnv>) {
  return <CsrfField token={c.get("csrfToken")} />;
}

export function SignOutForm({ token, name }: { token: string | undefined; name: string }) {
  return (
    <form method="post" action="/sign-out" class="sign-out">
      <CsrfField token={token} />
      <span>{name}</span> <button type="submit">Sign out</button>
    </form>
  );
}
