/**
 * Every variable a message template may use, with what it means and a realistic sample.
 * `snapshotVariables` fills exactly these names (a test keeps the two in step); the template
 * editor shows them as a palette and refuses any other name.
 */
export type VariableDefinition = { name: string; description: string; sample: string };

export const VARIABLES = [
  { name: "orderNumber", description: "The order's number", sample: "ORD-10482" },
  { name: "orderDate", description: "When the order was placed", sample: "28.11.2026, 14:05" },
  { name: "customerFirstName", description: "The customer's first name", sample: "Anna" },
  { name: "statusLabel", description: "The new status as customers see it", sample: "Wysłane" },
  { name: "comment", description: "The comment made public with the change", sample: "Paczka wyjechała z magazynu." },
  { name: "total", description: "Order total with currency", sample: "249,90 zł" },
  { name: "amountDue", description: "What is still to pay", sample: "249,90 zł" },
  { name: "paymentMethod", description: "How the customer pays", sample: "transfer" },
  { name: "bankAccount", description: "The shop's bank account for transfers", sample: "PL61 1090 1014 0000 0712 1981 2874" },
  { name: "items", description: "Ordered items, one per line", sample: "2 × Kubek ceramiczny" },
  { name: "courier", description: "The courier's name", sample: "InPost" },
  { name: "trackingNumber", description: "The parcel's tracking number", sample: "620012345678901234567890" },
  { name: "trackingLink", description: "The courier's tracking page for the parcel", sample: "https://inpost.pl/sledzenie-przesylek?number=620012345678901234567890" },
  { name: "trackingPageUrl", description: "The shop's order tracking page", sample: "https://sklep.example.com/track/8kY2pQ" },
  { name: "shopName", description: "The shop's name", sample: "Sklep Demo" },
  { name: "shopEmail", description: "The shop's support email", sample: "pomoc@sklep.example.com" },
  { name: "shopPhone", description: "The shop's support phone", sample: "+48 22 100 20 30" },
] as const satisfies readonly VariableDefinition[];

export type VariableName = (typeof VARIABLES)[number]["name"];

export const VARIABLE_NAMES: ReadonlySet<string> = new Set(VARIABLES.map((v) => v.name));

export function sampleVariables(): Record<VariableName, string> {
  return Object.fromEntries(VARIABLES.map((v) => [v.name, v.sample])) as Record<VariableName, string>;
}
