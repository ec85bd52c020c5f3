/**
 * A Hono app on @hono/node-server that reads the body and answers 200: the floor any webhook
 * receiver on this machine can reach, for the ingest benchmark's ratio.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono();
app.post("/webhooks/:provider", async (c) => {
  await c.req.text();
  return c.json({ status: "accepted" });
});

const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
