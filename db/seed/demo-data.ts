import type { OrderItem, ShippingAddress } from "@/db/schema";
import type { Random } from "./random";

/*
 * Word lists for believable demo customers and products. Everything here is made up; the
 * e-mail domains are reserved-looking or generic so no message could reach a real inbox.
 */

const FEMALE_FIRST = [
  "Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna",
  "Magdalena", "Joanna", "Aleksandra", "Zofia", "Monika", "Natalia", "Karolina", "Julia",
  "Paulina", "Justyna", "Beata", "Dorota", "Marta", "Weronika", "Izabela", "Alicja",
];
const MALE_FIRST = [
  "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin", "Jakub",
  "Adam", "Łukasz", "Mateusz", "Grzegorz", "Wojciech", "Rafał", "Kamil", "Maciej",
  "Bartosz", "Dawid", "Jan", "Szymon", "Sebastian", "Marek", "Damian", "Filip",
];
// Surnames with their feminine form where Polish inflects them.
const SURNAMES: readonly (readonly [string, string])[] = [
  ["Nowak", "Nowak"], ["Kowalski", "Kowalska"], ["Wiśniewski", "Wiśniewska"],
  ["Wójcik", "Wójcik"], ["Kowalczyk", "Kowalczyk"], ["Kamiński", "Kamińska"],
  ["Lewandowski", "Lewandowska"], ["Zieliński", "Zielińska"], ["Szymański", "Szymańska"],
  ["Woźniak", "Woźniak"], ["Dąbrowski", "Dąbrowska"], ["Kozłowski", "Kozłowska"],
  ["Jankowski", "Jankowska"], ["Mazur", "Mazur"], ["Wojciechowski", "Wojciechowska"],
  ["Kwiatkowski", "Kwiatkowska"], ["Krawczyk", "Krawczyk"], ["Kaczmarek", "Kaczmarek"],
  ["Piotrowski", "Piotrowska"], ["Grabowski", "Grabowska"], ["Zając", "Zając"],
  ["Pawłowski", "Pawłowska"], ["Michalski", "Michalska"], ["Król", "Król"],
  ["Wieczorek", "Wieczorek"], ["Jabłoński", "Jabłońska"], ["Wróbel", "Wróbel"],
  ["Nowakowski", "Nowakowska"], ["Majewski", "Majewska"], ["Olszewski", "Olszewska"],
];
const ENGLISH_FIRST = ["Emily", "Oliver", "Sophie", "James", "Grace", "Thomas", "Chloe", "Daniel", "Hannah", "Liam"];
const ENGLISH_SURNAMES = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Walker", "Wright", "Hughes"];

const EMAIL_DOMAINS = ["example.com", "example.pl", "example.net", "poczta.example", "mail.example"];

// Real cities with a plausible postal code prefix for each.
const CITIES: readonly (readonly [city: string, postalPrefix: string])[] = [
  ["Warszawa", "0"], ["Kraków", "3"], ["Łódź", "9"], ["Wrocław", "5"], ["Poznań", "6"],
  ["Gdańsk", "8"], ["Szczecin", "7"], ["Bydgoszcz", "8"], ["Lublin", "2"], ["Białystok", "1"],
  ["Katowice", "4"], ["Gdynia", "8"], ["Częstochowa", "4"], ["Radom", "2"], ["Toruń", "8"],
  ["Rzeszów", "3"], ["Kielce", "2"], ["Olsztyn", "1"], ["Opole", "4"], ["Zielona Góra", "6"],
];
const STREETS = [
  "Marszałkowska", "Długa", "Polna", "Leśna", "Słoneczna", "Krótka", "Szkolna", "Ogrodowa",
  "Lipowa", "Łąkowa", "Brzozowa", "Kwiatowa", "Kościuszki", "Mickiewicza", "Sienkiewicza",
  "Piłsudskiego", "Kolejowa", "Parkowa", "Wiejska", "3 Maja", "Jana Pawła II", "Grunwaldzka",
];

const COMPANY_KINDS = ["Hurtownia", "Sklep", "Biuro", "Pracownia", "Market", "Drogeria", "Kwiaciarnia"];
const COMPANY_NAMES = ["Pod Lipą", "Centrum", "Zefir", "Bałtyk", "Orzeł", "Jantar", "Wisła", "Tatry", "Mazowsze", "Kaszuby"];
const COMPANY_FORMS = ["sp. z o.o.", "s.c.", "sp. j.", "S.A."];

type Product = { sku: string; name: string; price: number; vatRate: number };

// Prices in grosze, gross.
const RETAIL_PRODUCTS: readonly Product[] = [
  { sku: "KUB-350-BIA", name: "Kubek ceramiczny 350 ml, biały", price: 2999, vatRate: 23 },
  { sku: "KOS-BAW-M", name: "Koszulka bawełniana, rozmiar M", price: 5990, vatRate: 23 },
  { sku: "PLE-TUR-40", name: "Plecak turystyczny 40 l", price: 18900, vatRate: 23 },
  { sku: "KAW-ZIA-1KG", name: "Kawa ziarnista 1 kg", price: 8990, vatRate: 5 },
  { sku: "HER-ZIE-100", name: "Herbata zielona liściasta 100 g", price: 2450, vatRate: 5 },
  { sku: "KSI-KUC-PL", name: "Książka kucharska: kuchnia polska", price: 5499, vatRate: 5 },
  { sku: "LAM-LED-BIU", name: "Lampka biurkowa LED", price: 12900, vatRate: 23 },
  { sku: "SLU-BT-CZA", name: "Słuchawki bezprzewodowe, czarne", price: 24900, vatRate: 23 },
  { sku: "BUT-SPO-42", name: "Buty sportowe, rozmiar 42", price: 29900, vatRate: 23 },
  { sku: "KOC-POL-150", name: "Koc polarowy 150x200", price: 7990, vatRate: 23 },
  { sku: "SWI-SOJ-WAN", name: "Świeca sojowa, wanilia", price: 3900, vatRate: 23 },
  { sku: "ZES-GAR-5", name: "Zestaw garnków, 5 elementów", price: 39900, vatRate: 23 },
  { sku: "SUP-WIT-D3", name: "Witamina D3 2000 IU, 120 kaps.", price: 3290, vatRate: 8 },
  { sku: "ZAB-KLO-500", name: "Klocki konstrukcyjne, 500 el.", price: 14900, vatRate: 23 },
  { sku: "ETU-TEL-SIL", name: "Etui silikonowe na telefon", price: 3999, vatRate: 23 },
  { sku: "MIO-LIP-250", name: "Miód lipowy 250 g", price: 2890, vatRate: 5 },
];

const WHOLESALE_PRODUCTS: readonly Product[] = [
  { sku: "PAP-A4-80-K5", name: "Papier ksero A4 80 g, karton 5 ryz", price: 11900, vatRate: 23 },
  { sku: "DLU-NIE-50", name: "Długopis niebieski, opakowanie 50 szt.", price: 4500, vatRate: 23 },
  { sku: "SEG-A4-75-10", name: "Segregator A4 75 mm, 10 szt.", price: 8990, vatRate: 23 },
  { sku: "KAW-ZIA-6KG", name: "Kawa ziarnista, karton 6 x 1 kg", price: 49900, vatRate: 5 },
  { sku: "REC-PAP-64", name: "Ręcznik papierowy, zgrzewka 64 rolki", price: 15900, vatRate: 23 },
  { sku: "RKW-NIT-100", name: "Rękawice nitrylowe M, 100 szt.", price: 2890, vatRate: 8 },
  { sku: "PLY-NAC-5L", name: "Płyn do naczyń 5 l", price: 3490, vatRate: 23 },
  { sku: "WOD-MIN-24", name: "Woda mineralna 0,5 l, zgrzewka 24 szt.", price: 2160, vatRate: 5 },
  { sku: "TOR-PAP-250", name: "Torby papierowe, 250 szt.", price: 18500, vatRate: 23 },
  { sku: "TAS-PAK-36", name: "Taśma pakowa brązowa, 36 rolek", price: 9900, vatRate: 23 },
  { sku: "KAR-KLA-20", name: "Karton klapowy 40x30x30, 20 szt.", price: 7990, vatRate: 23 },
  { sku: "FOL-STR-6", name: "Folia stretch, 6 rolek", price: 13800, vatRate: 23 },
];

export type DemoCustomer = {
  name: string;
  email: string;
  phone: string;
  address: ShippingAddress;
};

/** Lower-case ASCII for e-mail addresses: "Łukasz Wróbel" -> "lukasz.wrobel". */
function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ł/g, "l")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
}

function polishPhone(rng: Random): string {
  const mobilePrefixes = ["50", "51", "53", "57", "60", "66", "69", "72", "78", "79", "88"];
  const n = rng.pick(mobilePrefixes) + rng.digits(7);
  return `+48 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
}

function polishAddress(rng: Random, name: string): ShippingAddress {
  const [city, prefix] = rng.pick(CITIES);
  const flat = rng.chance(0.6) ? `/${rng.int(1, 120)}` : "";
  return {
    name,
    street: `ul. ${rng.pick(STREETS)} ${rng.int(1, 180)}${flat}`,
    postalCode: `${prefix}${rng.digits(1)}-${rng.digits(3)}`,
    city,
    country: "PL",
  };
}

export function demoPerson(rng: Random, english: boolean): DemoCustomer {
  let name: string;
  if (english) {
    name = `${rng.pick(ENGLISH_FIRST)} ${rng.pick(ENGLISH_SURNAMES)}`;
  } else {
    const female = rng.chance(0.55);
    const [masculine, feminine] = rng.pick(SURNAMES);
    name = female ? `${rng.pick(FEMALE_FIRST)} ${feminine}` : `${rng.pick(MALE_FIRST)} ${masculine}`;
  }
  const suffix = rng.chance(0.4) ? String(rng.int(1, 99)) : "";
  return {
    name,
    email: `${asciiSlug(name)}${suffix}@${rng.pick(EMAIL_DOMAINS)}`,
    phone: polishPhone(rng),
    address: polishAddress(rng, name),
  };
}

/** A business customer: the company is the customer, a person is the contact on the parcel. */
export function demoCompany(rng: Random): DemoCustomer {
  const contact = demoPerson(rng, false);
  const company = `${rng.pick(COMPANY_KINDS)} ${rng.pick(COMPANY_NAMES)} ${rng.pick(COMPANY_FORMS)}`;
  return {
    ...contact,
    name: company,
    email: `zamowienia@${asciiSlug(company.replace(/ (sp\.|s\.c\.|S\.A\.).*$/, ""))}.example.pl`,
    address: { ...contact.address, name: `${company}, ${contact.name}` },
  };
}

export function demoItems(rng: Random, wholesale: boolean): OrderItem[] {
  const catalogue = wholesale ? WHOLESALE_PRODUCTS : RETAIL_PRODUCTS;
  const lines = wholesale ? rng.int(2, 6) : rng.weighted([[1, 5], [2, 3], [3, 1.5], [4, 0.5]] as const) ?? 1;
  const items: OrderItem[] = [];
  const used = new Set<string>();
  while (items.length < lines) {
    const p = rng.pick(catalogue);
    if (used.has(p.sku)) continue;
    used.add(p.sku);
    const quantity = wholesale ? rng.int(2, 40) : rng.weighted([[1, 8], [2, 2], [3, 1]] as const) ?? 1;
    items.push({ sku: p.sku, name: p.name, quantity, unitPrice: p.price, vatRate: p.vatRate });
  }
  return items;
}

export const COURIERS = ["inpost", "dpd", "dhl", "poczta_polska"] as const;
export type Courier = (typeof COURIERS)[number];

/** The shipping method as shops' checkouts name it: the order page shows it as the channel sent it. */
export const SHIPPING_METHOD: Record<Courier, string> = {
  inpost: "InPost Paczkomat 24/7",
  dpd: "Kurier DPD",
  dhl: "Kurier DHL",
  poczta_polska: "Pocztex Kurier",
};

/** Tracking numbers in the shape each courier uses. */
export function demoTrackingNumber(rng: Random, courier: Courier): string {
  switch (courier) {
    case "inpost":
      return rng.digits(24);
    case "dpd":
      return `${rng.digits(13)}U`;
    case "dhl":
      return `JJD000${rng.digits(18)}`;
    case "poczta_polska":
      return `00${rng.digits(18)}`;
  }
}
