// Checkout and Customer Portal creation against a local HTTP stand-in for the Stripe API: the real
// SDK, configured the way the site configures it (STRIPE_API_HOST/PORT/PROTOCOL), sends real requests
// and we assert what it sent.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readBillingConfig, BillingConfigError, type StripeSettings } from "@/lib/billing/config";
import { createStripe } from "@/lib/billing/stripe-client";
import { createCheckoutSession, createPortalSession, ensureCustomer } from "@/lib/billing/stripe-sessions";

type Seen = {
  method: string;
  path: string;
  auth: string | undefined;
  idempotency: string | undefined;
  form: URLSearchParams;
};

const seen: Seen[] = [];
let failNext: number | null = null;
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    seen.push({
      method: req.method!,
      path: req.url!,
      auth: req.headers.authorization,
      idempotency: req.headers["idempotency-key"] as string | undefined,
      form: new URLSearchParams(body),
    });
    const reply = (status: number, json: object) => {
      res.writeHead(status, { "content-type": "application/json", "request-id": "req_standin" });
      res.end(JSON.stringify(json));
    };
    if (failNext) {
      const status = failNext;
      failNext = null;
      return reply(status, {
        error: { type: "invalid_request_error", message: "No such price: 'price_gone'" },
      });
    }
    if (req.url === "/v1/customers") return reply(200, { id: "cus_standin", object: "customer" });
    if (req.url === "/v1/checkout/sessions")
      return reply(200, {
        id: "cs_test_1",
        object: "checkout.session",
        url: "https://checkout.stripe.com/c/pay/cs_test_1",
      });
    if (req.url === "/v1/billing_portal/sessions")
      return reply(200, {
        id: "bps_1",
        object: "billing_portal.session",
        url: "https://billing.stripe.com/p/session/test_1",
      });
    reply(404, { error: { type: "invalid_request_error", message: `unknown path ${req.url}` } });
  });
});

let settings: StripeSettings;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const config = readBillingConfig({
    STRIPE_SECRET_KEY: "sk_test_standin",
    STRIPE_PRICE_MONTHLY: "price_month",
    STRIPE_PRICE_YEARLY: "price_year",
    STRIPE_WEBHOOK_SECRET: "whsec_standin",
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(port),
    STRIPE_API_PROTOCOL: "http",
  });
  expect(config.mode).toBe("stripe");
  settings = config.stripe!;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
});

describe("Stripe Checkout and Customer Portal through the SDK", () => {
  it("creates the customer once per user, with our user id", async () => {
    const stripe = createStripe(settings);
    const id = await ensureCustomer(stripe, {
      userId: "u_42",
      email: "lead@example.test",
      name: "Lead",
      customerId: null,
    });
    expect(id).toBe("cus_standin");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", path: "/v1/customers", auth: "Bearer sk_test_standin" });
    expect(seen[0]!.idempotency).toBe("customer-u_42");
    expect(seen[0]!.form.get("email")).toBe("lead@example.test");
    expect(seen[0]!.form.get("metadata[userId]")).toBe("u_42");
    // A stored customer is reused without a request.
    expect(
      await ensureCustomer(stripe, { userId: "u_42", email: "x", name: "", customerId: "cus_known" }),
    ).toBe("cus_known");
    expect(seen).toHaveLength(1);
  });

  it("sends customer, price, success and cancel URLs and the client reference for Checkout", async () => {
    const url = await createCheckoutSession(createStripe(settings), settings, {
      customerId: "cus_standin",
      userId: "u_42",
      interval: "yearly",
      siteUrl: "https://atlas.example",
    });
    expect(url).toBe("https://checkout.stripe.com/c/pay/cs_test_1");
    const [request] = seen;
    expect(request).toMatchObject({ method: "POST", path: "/v1/checkout/sessions" });
    const form = request!.form;
    expect(form.get("mode")).toBe("subscription");
    expect(form.get("customer")).toBe("cus_standin");
    expect(form.get("client_reference_id")).toBe("u_42");
    expect(form.get("line_items[0][price]")).toBe("price_year");
    expect(form.get("line_items[0][quantity]")).toBe("1");
    expect(form.get("subscription_data[metadata][userId]")).toBe("u_42");
    expect(form.get("success_url")).toBe("https://atlas.example/account?checkout=success");
    expect(form.get("cancel_url")).toBe("https://atlas.example/pricing?checkout=canceled");
  });

  it("uses the monthly price for monthly", async () => {
    await createCheckoutSession(createStripe(settings), settings, {
      customerId: "cus_standin",
      userId: "u_7",
      interval: "monthly",
      siteUrl: "https://atlas.example",
    });
    expect(seen[0]!.form.get("line_items[0][price]")).toBe("price_month");
  });

  it("sends the customer and return URL for the Customer Portal", async () => {
    const url = await createPortalSession(createStripe(settings), {
      customerId: "cus_standin",
      siteUrl: "https://atlas.example",
    });
    expect(url).toBe("https://billing.stripe.com/p/session/test_1");
    expect(seen[0]).toMatchObject({ method: "POST", path: "/v1/billing_portal/sessions" });
    expect(seen[0]!.form.get("customer")).toBe("cus_standin");
    expect(seen[0]!.form.get("return_url")).toBe("https://atlas.example/account");
  });

  it("surfaces Stripe's error instead of a session", async () => {
    failNext = 400;
    await expect(
      createCheckoutSession(createStripe(settings), settings, {
        customerId: "cus_standin",
        userId: "u_1",
        interval: "monthly",
        siteUrl: "https://atlas.example",
      }),
    ).rejects.toThrow(/No such price/);
  });
});

describe("billing configuration", () => {
  it("runs the demo billing without Stripe keys outside production", () => {
    expect(readBillingConfig({}).mode).toBe("demo");
    expect(readBillingConfig({ NODE_ENV: "development" }).stripe).toBeNull();
    expect(readBillingConfig({}).displayPrices.monthly).toMatch(/^\$\d+/);
  });
  it("refuses production without Stripe keys unless BILLING_MODE=demo", () => {
    expect(() => readBillingConfig({ NODE_ENV: "production" })).toThrow(/BILLING_MODE=demo/);
    expect(readBillingConfig({ NODE_ENV: "production", BILLING_MODE: "demo" }).mode).toBe("demo");
  });
  it("refuses a Stripe key without the price ids and webhook secret", () => {
    expect(() => readBillingConfig({ STRIPE_SECRET_KEY: "sk_test_x" })).toThrow(BillingConfigError);
    expect(() => readBillingConfig({ STRIPE_SECRET_KEY: "sk_test_x" })).toThrow(
      /STRIPE_PRICE_MONTHLY, STRIPE_PRICE_YEARLY, STRIPE_WEBHOOK_SECRET/,
    );
  });
  it("refuses an unknown BILLING_MODE, naming the variable", () => {
    expect(() => readBillingConfig({ BILLING_MODE: "free" })).toThrow(/BILLING_MODE/);
  });
});
