/**
 * A correctly signed webhook whose body is not plain UTF-8 (a byte order mark, Latin-1 bytes) is
 * told what is wrong with its encoding (400), not that its signature is (401): the signature is
 * checked over the bytes as sent.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { signWebhook } from "../src/ingest/standard-webhooks.js";
import { startTestService, type TestService } from "./support/service.js";

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
}, 60_000);
afterAll(async () => {
  await t?.stop();
});

async function postBytes(bytes: Uint8Array) {
  const headers = signWebhook(
    t.secrets.procare,
    `msg_${Math.random()}`,
    Math.floor(Date.now() / 1000),
    bytes,
  );
  const res = await fetch(`${t.service.url}/webhooks/procare`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: bytes,
  });
  return {
    status: res.status,
    body: (await res.json()) as { error: { code: string; message: string } },
  };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

it("answers 400 invalid_encoding naming a BOM, and naming invalid UTF-8", async () => {
  const bom = await postBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"event_type":"x"}')]));
  expect(bom.status).toBe(400);
  expect(bom.body.error).toMatchObject({ code: "invalid_encoding" });
  expect(bom.body.error.message).toMatch(/byte order mark/);
  const latin1 = await postBytes(new Uint8Array([...utf8('{"name":"Zo'), 0xeb, ...utf8('"}')]));
  expect(latin1.status).toBe(400);
  expect(latin1.body.error.message).toMatch(/not valid UTF-8/);
});

it("still verifies a UTF-8 body with non-ASCII text by its bytes", async () => {
  const res = await postBytes(utf8('{"event_type":"not.a.type","note":"Zoë"}'));
  // Past the signature: the payload itself is what is wrong.
  expect(res.status).toBe(422);
});
