import { describe, expect, it } from "vitest";
import { personState } from "./state";

const now = new Date(Date.UTC(2026, 5, 1, 12));
const later = new Date(now.getTime() + 60_000);
const earlier = new Date(now.getTime() - 60_000);

describe("personState", () => {
  it("tells active, disabled, invited, expired invitations and forced resets apart", () => {
    expect(personState({ disabledAt: null, hasPassword: true }, null, now)).toBe("active");
    expect(personState({ disabledAt: earlier, hasPassword: true }, null, now)).toBe("disabled");
    expect(personState({ disabledAt: null, hasPassword: false }, { purpose: "invitation", expiresAt: later, usedAt: null }, now)).toBe("invited");
    expect(personState({ disabledAt: null, hasPassword: false }, { purpose: "invitation", expiresAt: earlier, usedAt: null }, now)).toBe("invitation_expired");
    expect(personState({ disabledAt: null, hasPassword: false }, null, now)).toBe("invitation_expired");
    expect(personState({ disabledAt: null, hasPassword: false }, { purpose: "password_reset", expiresAt: earlier, usedAt: null }, now)).toBe("must_set_password");
    expect(personState({ disabledAt: earlier, hasPassword: false }, { purpose: "invitation", expiresAt: later, usedAt: null }, now)).toBe("disabled");
  });
});
