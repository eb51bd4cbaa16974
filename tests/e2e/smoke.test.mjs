import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startApp } from "./lib/app.mjs";

let app;

before(async () => {
  app = await startApp({ dbName: "e2e_smoke" });
});

after(async () => {
  await app?.stop();
});

test("the Api answers GET /healthz with 200", async () => {
  const response = await fetch(`${app.baseUrl}/healthz`);
  assert.equal(response.status, 200);
});
