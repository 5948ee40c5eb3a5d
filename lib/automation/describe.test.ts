import { describe, expect, it } from "vitest";
import { describeDuration, describeRule } from "./describe";
import { ruleInputSchema, type RuleInput } from "./schemas";

const names = {
  status: (code: string) => ({ in_progress: "In progress", awaiting_payment: "Awaiting payment" })[code] ?? code,
  orderType: (code: string) => ({ retail: "Retail" })[code] ?? code,
};
const sentence = (input: RuleInput) => describeRule(ruleInputSchema.parse(input), names);

describe("describeRule", () => {
  it("says in words what a rule does", () => {
    expect(
      sentence({
        name: "x",
        trigger: { type: "payment_recorded" },
        conditions: { orderTypes: ["retail"], paymentMethods: ["transfer"] },
        actions: [{ type: "set_status", statusCode: "in_progress" }],
      }),
    ).toBe("When a payment is recorded and it is a Retail order and it is paid by transfer, set the status to In progress.");
  });

  it("describes time rules, several actions and admin messages", () => {
    expect(
      sentence({
        name: "x",
        trigger: { type: "time_in_status", statusCode: "awaiting_payment", hours: 168 },
        conditions: { paid: false },
        actions: [
          { type: "add_comment", body: "Unpaid" },
          { type: "send_message", statusCode: "awaiting_payment", channel: "email", audience: "admin" },
        ],
      }),
    ).toBe(
      "When an order has been in Awaiting payment for 7 days and it is not paid yet, add an internal comment “Unpaid” and then send the Awaiting payment email to the admins.",
    );
  });

  it("writes whole days as days and the rest as hours", () => {
    expect([1, 24, 36, 48].map(describeDuration)).toEqual(["1 hour", "1 day", "36 hours", "2 days"]);
  });
});

describe("describeRule with documents", () => {
  it("says which document is attached and whether it is emailed", () => {
    expect(
      sentence({
        name: "x",
        trigger: { type: "order_created" },
        actions: [
          { type: "attach_document", kind: "proforma" },
          { type: "attach_document", kind: "invoice", email: true },
        ],
      }),
    ).toBe("When an order is created, attach a pro-forma and then attach an invoice and email it to the customer.");
  });
});
