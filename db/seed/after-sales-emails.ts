import { en, pl, text, type PresetEmail } from "./email-parts";
import type { Locale } from "./presets";

/*
 * The customer emails of the return and complaint presets (after-sales-presets.ts). A return or
 * complaint is an order of its own, so {{orderNumber}} is its own number and {{trackingLink}}
 * its own tracking page.
 */
type Email = Record<Locale, PresetEmail>;

const email = (plSubject: string, plLines: string[], enSubject: string, enLines: string[]): Email => ({
  pl: { subject: plSubject, body: text(pl.greeting, ...plLines, pl.signoff) },
  en: { subject: enSubject, body: text(en.greeting, ...enLines, en.signoff) },
});

export const AFTER_SALES_EMAILS: Readonly<Record<string, Email>> = {
  return_requested: email(
    "Zgłoszenie zwrotu {{orderNumber}}",
    [
      "otrzymaliśmy Twoje zgłoszenie zwrotu {{orderNumber}}. Sprawdzimy je i napiszemy, gdy je przyjmiemy.",
      "Postęp zwrotu zobaczysz na stronie zamówienia.",
    ],
    "Return request {{orderNumber}}",
    ["we have received your return request {{orderNumber}}. We will check it and write when we accept it.", "You can follow the return on your order's page."],
  ),
  return_accepted: email(
    "Zwrot {{orderNumber}} przyjęty – odeślij paczkę",
    [
      "przyjęliśmy Twój zwrot {{orderNumber}}. Odeślij zwracane produkty w ciągu 14 dni; do paczki dołącz kartkę z numerem zwrotu.",
      "{{comment}}",
    ],
    "Return {{orderNumber}} accepted – please send the parcel",
    ["we have accepted your return {{orderNumber}}. Please send the items back within 14 days, with a note giving the return's number.", "{{comment}}"],
  ),
  return_parcel_received: email(
    "Otrzymaliśmy zwrot {{orderNumber}}",
    ["paczka ze zwrotem {{orderNumber}} dotarła do nas. Zwrócimy pieniądze w ciągu 14 dni, tą samą metodą, którą zapłaciłeś."],
    "We have received return {{orderNumber}}",
    ["the parcel with return {{orderNumber}} has arrived. We will refund the money within 14 days, the same way you paid."],
  ),
  return_refunded: email(
    "Pieniądze za zwrot {{orderNumber}} zwrócone",
    ["zwróciliśmy pieniądze za zwrot {{orderNumber}} ({{total}}).", "{{comment}}"],
    "Return {{orderNumber}} refunded",
    ["we have refunded the money for return {{orderNumber}} ({{total}}).", "{{comment}}"],
  ),
  return_rejected: email(
    "Zwrot {{orderNumber}} nie został przyjęty",
    ["nie możemy przyjąć zwrotu {{orderNumber}}.", "Powód: {{comment}}", "Jeśli masz pytania, odpowiedz na tę wiadomość."],
    "Return {{orderNumber}} was not accepted",
    ["we cannot accept return {{orderNumber}}.", "Reason: {{comment}}", "If you have any questions, just reply to this email."],
  ),
  complaint_submitted: email(
    "Reklamacja {{orderNumber}} zgłoszona",
    [
      "otrzymaliśmy Twoją reklamację {{orderNumber}}. Rozpatrzymy ją w ciągu 14 dni i poinformujemy Cię o decyzji.",
      "Jeśli chcesz coś dodać (zdjęcia, opis usterki), odpowiedz na tę wiadomość.",
    ],
    "Complaint {{orderNumber}} submitted",
    [
      "we have received your complaint {{orderNumber}}. We will review it within 14 days and let you know our decision.",
      "To add anything (photos, a description of the fault), reply to this email.",
    ],
  ),
  complaint_accepted: email(
    "Reklamacja {{orderNumber}} uznana",
    ["uznaliśmy Twoją reklamację {{orderNumber}}.", "{{comment}}", "Napiszemy ponownie, gdy sprawa zostanie załatwiona."],
    "Complaint {{orderNumber}} accepted",
    ["we have accepted your complaint {{orderNumber}}.", "{{comment}}", "We will write again once it is resolved."],
  ),
  complaint_resolved: email(
    "Reklamacja {{orderNumber}} załatwiona",
    ["Twoja reklamacja {{orderNumber}} została załatwiona.", "{{comment}}"],
    "Complaint {{orderNumber}} resolved",
    ["your complaint {{orderNumber}} has been resolved.", "{{comment}}"],
  ),
  complaint_rejected: email(
    "Reklamacja {{orderNumber}} nieuznana",
    ["po rozpatrzeniu nie możemy uznać Twojej reklamacji {{orderNumber}}.", "Uzasadnienie: {{comment}}", "Jeśli się nie zgadzasz, odpowiedz na tę wiadomość."],
    "Complaint {{orderNumber}} rejected",
    ["having reviewed it, we cannot accept your complaint {{orderNumber}}.", "Reasons: {{comment}}", "If you disagree, just reply to this email."],
  ),
};
