import { describe, expect, it } from "vitest";
import { courierTrackingLink } from "./courier-link";

const templates = {
  inpost: "https://inpost.pl/sledzenie?number={trackingNumber}",
  evil: "javascript:alert(1)//{trackingNumber}",
  data: "data:text/html,<script>alert(1)</script>{trackingNumber}",
};

describe("courierTrackingLink", () => {
  it("fills the parcel number into the courier's template, encoded", () => {
    expect(courierTrackingLink(templates, "inpost", "AB 12/3")).toBe("https://inpost.pl/sledzenie?number=AB%2012%2F3");
  });

  it("gives no link without a courier, a number or a template", () => {
    expect(courierTrackingLink(templates, null, "X1")).toBeNull();
    expect(courierTrackingLink(templates, "inpost", null)).toBeNull();
    expect(courierTrackingLink(templates, "dpd", "X1")).toBeNull();
  });

  it("gives no link for a stored template that is not a web address", () => {
    expect(courierTrackingLink(templates, "evil", "X1")).toBeNull();
    expect(courierTrackingLink(templates, "data", "X1")).toBeNull();
  });
});
