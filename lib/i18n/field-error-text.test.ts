import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { statusInputSchema } from "@/lib/workflow-config/schemas";
import { refuse } from "@/lib/result";
import { fieldErrorMessages, serviceFieldErrorMessage } from "./field-error-text";
import { messages } from "./messages";

const valid = {
  code: "packed",
  name: "Spakowane",
  customerLabel: "",
  description: "",
  colour: "#0f766e",
  groupId: 1,
  requiresPayment: false,
  allowCashOnDelivery: false,
  awaitsPayment: false,
  slaHours: null,
  externalCodes: [],
  notifyCustomerEmail: false,
  notifyCustomerSms: false,
  notifyAdminEmail: false,
  adminEmails: [],
  notifyChannels: [],
  commentTemplates: [],
};

describe("field error messages", () => {
  it("words each refused field from the issue's code and field, in both languages", () => {
    const parsed = statusInputSchema.safeParse({
      ...valid,
      name: "",
      code: "bad code!",
      colour: "red",
      slaHours: 1.5,
      externalCodes: [
        { channel: "allegro", code: "A" },
        { channel: "Allegro", code: "B" },
      ],
      notifyAdminEmail: true,
      translations: { en: { name: "x".repeat(81) } },
    });
    expect(parsed.success).toBe(false);
    const found = fieldErrorMessages(parsed.error!.issues);
    expect(found).toMatchObject({
      name: [{ key: "enterName" }],
      code: [{ key: "codeFormat" }],
      colour: [{ key: "hexColour" }],
      slaHours: [{ key: "wholeHours" }],
      "translations.en.name": [{ key: "tooLong", values: { max: 80 } }],
    });
    const pl = createTranslator({ locale: "pl", messages: messages.pl, namespace: "admin" });
    const en = createTranslator({ locale: "en", messages: messages.en, namespace: "admin" });
    const m = found["translations.en.name"]![0]!;
    expect(pl(`fieldErrors.${m.key}`, m.values as never)).toBe("Maksymalnie 80 znaków");
    expect(en(`fieldErrors.${m.key}`, m.values as never)).toBe("At most 80 characters");
    // The English texts are the schema's own, so the API and the screens say the same.
    expect(en("fieldErrors.hexColour")).toBe(parsed.error!.issues.find((i) => i.path[0] === "colour")!.message);
  });

  it("words the form's own cross-field checks by the field they are on", () => {
    const parsed = statusInputSchema.safeParse({
      ...valid,
      externalCodes: [
        { channel: "allegro", code: "A" },
        { channel: "Allegro", code: "B" },
      ],
      notifyAdminEmail: true,
      allowCashOnDelivery: true,
    });
    expect(fieldErrorMessages(parsed.error!.issues)).toEqual({
      "externalCodes.1.channel": [{ key: "duplicateChannel", values: {} }],
      adminEmails: [{ key: "adminEmailsRequired", values: {} }],
      allowCashOnDelivery: [{ key: "codNeedsGate", values: {} }],
    });
  });

  it("words a service's refusal from its reason", () => {
    const taken = refuse("validation_failed", "The code shipped is already used by Shipped", {
      fieldErrors: { code: ["The code shipped is already used by Shipped"] },
      details: { reason: "code_taken", code: "shipped", usedBy: "Wysłane", usedByKind: "status" },
    });
    expect(serviceFieldErrorMessage(taken.error, "code")).toEqual({ key: "codeTaken", values: { code: "shipped", usedBy: "Wysłane" } });
    expect(serviceFieldErrorMessage(refuse("validation_failed", "Choose an existing group").error, "groupId").key).toBe("choose");
  });
});
