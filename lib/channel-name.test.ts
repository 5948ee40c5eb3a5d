import { describe, expect, it } from "vitest";
import { common } from "@/lib/i18n/catalogue/common";
import { channelName, type WordedChannel } from "./channel-name";

const inPolish = (key: WordedChannel) => common.pl.salesChannels[key];

describe("channelName", () => {
  it("words the channels that are words in the reader's language", () => {
    expect(channelName("phone", inPolish)).toBe("Telefon");
    expect(channelName("shop", inPolish)).toBe("Sklep internetowy");
    expect(channelName("phone", (key) => common.en.salesChannels[key])).toBe("Phone");
  });

  it("names every channel the catalogue words, and no other, through the catalogue", () => {
    const asked: string[] = [];
    for (const code of Object.keys(common.en.salesChannels)) channelName(code, (key) => (asked.push(key), key));
    expect(asked).toEqual(Object.keys(common.en.salesChannels));
    channelName("allegro", (key) => (asked.push(key), key));
    channelName("constructor", (key) => (asked.push(key), key));
    expect(asked).toHaveLength(Object.keys(common.en.salesChannels).length);
  });

  it("names marketplaces by their brand and makes any other code readable", () => {
    expect(channelName("allegro", inPolish)).toBe("Allegro");
    expect(channelName("ebay", inPolish)).toBe("eBay");
    expect(channelName("pop_up_stand", inPolish)).toBe("Pop up stand");
    expect(channelName("constructor", inPolish)).toBe("Constructor");
  });
});
