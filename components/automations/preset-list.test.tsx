import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { PresetList } from "./preset-list";

const needsStatuses = {
  key: "sort_by_courier",
  title: "Sort packed orders by courier",
  description: "",
  ruleCount: 4,
  missingStatuses: ["packing", "courier_inpost", "courier_poczta_polska"],
};

function render(locale: "pl" | "en"): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages[locale]} timeZone="Europe/Warsaw">
      <PresetList presets={[needsStatuses]} applyPreset={async () => ({ ok: true, value: null, message: "" })} />
    </NextIntlClientProvider>,
  );
}

/** The card's text as a reader gets it: tags dropped, nothing else. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, "");

describe("PresetList", () => {
  it("lists the statuses a preset lacks with a space after each, so the line can wrap between them and the sentence goes on after the last", () => {
    expect(textOf(render("pl"))).toContain("Wymaga statusów, których ten sklep nie ma: packing courier_inpost courier_poczta_polska Najpierw dodaj je w Statusach.");
    expect(textOf(render("en"))).toContain("packing courier_inpost courier_poczta_polska Add them in Statuses first.");
  });
});
