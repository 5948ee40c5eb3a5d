import { describe, expect, it } from "vitest";
import { isUnreachableAppAddress } from "./app-address";

describe("isUnreachableAppAddress", () => {
  it.each([
    "http://localhost:3000",
    "http://localhost",
    "https://LOCALHOST:8443/",
    "http://localhost.:3000",
    "http://shop.localhost:3000",
    "http://127.0.0.1:3000",
    "http://127.1.2.3",
    "http://127.1",
    "http://0x7f.0.0.1",
    "http://[::1]:3000",
    "http://[::ffff:127.0.0.1]/",
    "http://0.0.0.0:3000",
    "http://[::]:3000",
    "http://orders.local",
    "http://my-mac.local:3000/",
    "",
    "   ",
    "not an address",
  ])("%j is unreachable for customers", (address) => {
    expect(isUnreachableAppAddress(address)).toBe(true);
  });

  it("an unset address is unreachable", () => {
    expect(isUnreachableAppAddress(null)).toBe(true);
    expect(isUnreachableAppAddress(undefined)).toBe(true);
  });

  it.each([
    "https://orders.example.com",
    "https://orders.example.com/",
    "http://sklep.pl:8080",
    "https://localhost-shop.example.com",
    "https://my.localhost.example.com",
    "https://local.example.com",
    "https://192.168.1.20",
    "https://128.0.0.1",
    "https://[2001:db8::1]/",
  ])("%j is an address customers can open", (address) => {
    expect(isUnreachableAppAddress(address)).toBe(false);
  });
});
