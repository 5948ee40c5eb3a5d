/** What every preset customer email shares (preset-emails.ts, after-sales-emails.ts). */
export type PresetEmail = { subject: string; body: string };

export const pl = {
  greeting: "Dzień dobry {{customerFirstName}},",
  signoff: "Pozdrawiamy,\n{{shopName}}",
};
export const en = {
  greeting: "Hello {{customerFirstName}},",
  signoff: "Best regards,\n{{shopName}}",
};

/** Paragraphs joined with blank lines: the layout makes each one a paragraph. */
export const text = (...paragraphs: string[]) => paragraphs.join("\n\n");
