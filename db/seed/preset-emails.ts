import { AFTER_SALES_EMAILS } from "./after-sales-emails";
import { en, pl, text, type PresetEmail } from "./email-parts";
import type { Locale } from "./presets";

/**
 * The customer emails the status presets ship: for every status a customer can see (one with a
 * customer label), what it means for them, in Polish and English. `applyPreset` stores them as the
 * status's templates where the shop has none yet, so `/admin/templates` edits them like any other.
 *
 * Keyed by status code, as the presets share statuses by code. Each line holding an optional value
 * (a courier, a reason) holds only that one: a line whose values are all missing is left out when
 * the email is rendered (lib/notifications/template.ts, `renderTemplateLines`), so an email sent
 * before the parcel has a number reads without a "Tracking number:" label.
 */
export type { PresetEmail };


const orderReceived: Record<Locale, PresetEmail> = {
  pl: {
    subject: "Zamówienie {{orderNumber}} przyjęte – dziękujemy!",
    body: text(
      pl.greeting,
      "dziękujemy za zakupy! Otrzymaliśmy Twoje zamówienie {{orderNumber}} złożone {{orderDate}} na kwotę {{total}}.",
      "Napiszemy do Ciebie, gdy zaczniemy je realizować i gdy paczka wyjedzie z magazynu.",
      pl.signoff,
    ),
  },
  en: {
    subject: "Order {{orderNumber}} received – thank you!",
    body: text(
      en.greeting,
      "thank you for shopping with us! We have received your order {{orderNumber}}, placed on {{orderDate}}, for {{total}}.",
      "We will write again when we start preparing it and when the parcel leaves our warehouse.",
      en.signoff,
    ),
  },
};

const beingPrepared: Record<Locale, PresetEmail> = {
  pl: {
    subject: "Zamówienie {{orderNumber}} jest w realizacji",
    body: text(
      pl.greeting,
      "Twoje zamówienie {{orderNumber}} jest już kompletowane w naszym magazynie.",
      "{{comment}}",
      "Gdy paczka wyjedzie, wyślemy Ci nazwę przewoźnika, numer przesyłki i link do śledzenia.",
      pl.signoff,
    ),
  },
  en: {
    subject: "Order {{orderNumber}} is being prepared",
    body: text(
      en.greeting,
      "our warehouse is now picking your order {{orderNumber}}.",
      "{{comment}}",
      "As soon as the parcel leaves, we will send you the courier's name, the tracking number and a tracking link.",
      en.signoff,
    ),
  },
};

export const PRESET_CUSTOMER_EMAILS: Readonly<
  Record<string, Record<Locale, PresetEmail>>
> = {
  received: orderReceived,
  new: orderReceived,
  ...AFTER_SALES_EMAILS,

  unconfirmed: {
    pl: {
      subject: "Otrzymaliśmy zamówienie {{orderNumber}}",
      body: text(
        pl.greeting,
        "dziękujemy za zamówienie {{orderNumber}} na kwotę {{total}}. Sprawdzamy teraz dostępność towaru, ceny i warunki dostawy.",
        "Potwierdzenie z terminem realizacji wyślemy zwykle w ciągu jednego dnia roboczego.",
        pl.signoff,
      ),
    },
    en: {
      subject: "We have received order {{orderNumber}}",
      body: text(
        en.greeting,
        "thank you for order {{orderNumber}} for {{total}}. We are now checking stock, prices and delivery terms.",
        "We usually confirm the order and its lead time within one working day.",
        en.signoff,
      ),
    },
  },

  confirmed: {
    pl: {
      subject: "Potwierdzamy zamówienie {{orderNumber}}",
      body: text(
        pl.greeting,
        "potwierdzamy przyjęcie zamówienia {{orderNumber}} na kwotę {{total}} do realizacji.",
        "{{comment}}",
        "Jeśli płacisz z góry, dane do przelewu wyślemy w osobnej wiadomości. Gdy towar wyjedzie, podamy numer przesyłki.",
        pl.signoff,
      ),
    },
    en: {
      subject: "Order {{orderNumber}} confirmed",
      body: text(
        en.greeting,
        "we confirm your order {{orderNumber}} for {{total}} and have scheduled it for fulfilment.",
        "{{comment}}",
        "If you pay in advance, the transfer details follow in a separate message. We will send the tracking number once the goods are on their way.",
        en.signoff,
      ),
    },
  },

  awaiting_payment: {
    pl: {
      subject: "Zamówienie {{orderNumber}} czeka na wpłatę",
      body: text(
        pl.greeting,
        "dziękujemy za zamówienie {{orderNumber}}. Zaczniemy je realizować, gdy tylko zaksięgujemy wpłatę. Prosimy o przelew:",
        "Kwota: {{amountDue}}\nNumer konta: {{bankAccount}}\nOdbiorca: {{shopName}}\nTytuł przelewu: {{orderNumber}}",
        "Wpisz w tytule przelewu sam numer zamówienia – wtedy szybciej go rozpoznamy. Jeśli przelew został już wysłany, nic więcej nie trzeba robić: księgowanie trwa zwykle do jednego dnia roboczego.",
        pl.signoff,
      ),
    },
    en: {
      subject: "Order {{orderNumber}} is awaiting payment",
      body: text(
        en.greeting,
        "thank you for order {{orderNumber}}. We will start preparing it as soon as your payment arrives. Please make a bank transfer:",
        "Amount: {{amountDue}}\nAccount number: {{bankAccount}}\nPayee: {{shopName}}\nTransfer title: {{orderNumber}}",
        "Please put only the order number in the transfer title so we can match it quickly. If you have already sent the transfer, there is nothing more to do: it usually takes up to one working day to arrive.",
        en.signoff,
      ),
    },
  },

  in_progress: beingPrepared,
  picking: beingPrepared,

  packing: {
    pl: {
      subject: "Pakujemy zamówienie {{orderNumber}}",
      body: text(
        pl.greeting,
        "towar z zamówienia {{orderNumber}} jest już skompletowany – właśnie go pakujemy.",
        "Gdy paczka wyjedzie, wyślemy Ci nazwę przewoźnika, numer przesyłki i link do śledzenia.",
        pl.signoff,
      ),
    },
    en: {
      subject: "We are packing order {{orderNumber}}",
      body: text(
        en.greeting,
        "everything in order {{orderNumber}} has been picked and we are packing it now.",
        "As soon as the parcel leaves, we will send you the courier's name, the tracking number and a tracking link.",
        en.signoff,
      ),
    },
  },

  awaiting_dispatch: {
    pl: {
      subject: "Zamówienie {{orderNumber}} jest gotowe do wysyłki",
      body: text(
        pl.greeting,
        "Twoje zamówienie {{orderNumber}} jest spakowane i czeka na odbiór przez kuriera.",
        "Przewoźnik: {{courier}}",
        "Numer przesyłki i link do śledzenia wyślemy, gdy paczka zostanie nadana.",
        pl.signoff,
      ),
    },
    en: {
      subject: "Order {{orderNumber}} is ready to ship",
      body: text(
        en.greeting,
        "your order {{orderNumber}} is packed and waiting for the courier.",
        "Courier: {{courier}}",
        "We will send the tracking number and link once the parcel is on its way.",
        en.signoff,
      ),
    },
  },

  shipped: {
    pl: {
      subject: "Zamówienie {{orderNumber}} zostało wysłane",
      body: text(
        pl.greeting,
        "Twoje zamówienie {{orderNumber}} jest już w drodze.",
        "Przewoźnik: {{courier}}\nNumer przesyłki: {{trackingNumber}}\nŚledzenie przesyłki: {{trackingLink}}",
        "{{comment}}",
        "Przy odbiorze sprawdź, czy paczka nie jest uszkodzona. Jeśli jest, poproś kuriera o spisanie protokołu szkody.",
        pl.signoff,
      ),
    },
    en: {
      subject: "Order {{orderNumber}} has been shipped",
      body: text(
        en.greeting,
        "your order {{orderNumber}} is on its way.",
        "Courier: {{courier}}\nTracking number: {{trackingNumber}}\nTrack the parcel: {{trackingLink}}",
        "{{comment}}",
        "When the parcel arrives, please check it for damage; if it is damaged, ask the courier to write a damage report.",
        en.signoff,
      ),
    },
  },

  ready_for_pickup: {
    pl: {
      subject: "Zamówienie {{orderNumber}} czeka na odbiór",
      body: text(
        pl.greeting,
        "Twoje zamówienie {{orderNumber}} jest gotowe do odbioru osobistego w {{shopName}}.",
        "{{comment}}",
        "Zabierz ze sobą numer zamówienia. W razie pytań zadzwoń: {{shopPhone}}",
        pl.signoff,
      ),
    },
    en: {
      subject: "Order {{orderNumber}} is ready for pickup",
      body: text(
        en.greeting,
        "your order {{orderNumber}} is ready for you to collect at {{shopName}}.",
        "{{comment}}",
        "Please bring your order number. Questions? Call us: {{shopPhone}}",
        en.signoff,
      ),
    },
  },

  completed: {
    pl: {
      subject: "Dziękujemy! Zamówienie {{orderNumber}} zrealizowane",
      body: text(
        pl.greeting,
        "Twoje zamówienie {{orderNumber}} zostało zrealizowane. Dziękujemy za zakupy i zaufanie!",
        "Mamy nadzieję, że wszystko dotarło w idealnym stanie. Jeśli coś jest nie tak, odpowiedz na tę wiadomość – chętnie pomożemy.",
        "Do zobaczenia!\n{{shopName}}",
      ),
    },
    en: {
      subject: "Thank you! Order {{orderNumber}} is complete",
      body: text(
        en.greeting,
        "your order {{orderNumber}} is complete. Thank you for shopping with us and for your trust!",
        "We hope everything arrived in perfect condition. If anything is wrong, just reply to this email and we will help.",
        "See you again!\n{{shopName}}",
      ),
    },
  },

  cancelled: {
    pl: {
      subject: "Zamówienie {{orderNumber}} zostało anulowane",
      body: text(
        pl.greeting,
        "Twoje zamówienie {{orderNumber}} zostało anulowane.",
        "Powód: {{comment}}",
        "Jeśli zamówienie było już opłacone, zwrócimy pieniądze tą samą drogą, którą zostały wpłacone, najpóźniej w ciągu 14 dni. Masz pytania? Odpowiedz na tę wiadomość.",
        pl.signoff,
      ),
    },
    en: {
      subject: "Order {{orderNumber}} has been cancelled",
      body: text(
        en.greeting,
        "your order {{orderNumber}} has been cancelled.",
        "Reason: {{comment}}",
        "If you have already paid, we will refund the money the same way it was paid, within 14 days at the latest. Any questions? Just reply to this email.",
        en.signoff,
      ),
    },
  },

  returned: {
    pl: {
      subject: "Zwrot zamówienia {{orderNumber}}",
      body: text(
        pl.greeting,
        "towar z zamówienia {{orderNumber}} wrócił do naszego magazynu.",
        "{{comment}}",
        "Jeśli zamówienie było opłacone, zwrócimy pieniądze tą samą drogą, którą zostały wpłacone, najpóźniej w ciągu 14 dni. Masz pytania? Odpowiedz na tę wiadomość.",
        pl.signoff,
      ),
    },
    en: {
      subject: "Return of order {{orderNumber}}",
      body: text(
        en.greeting,
        "the goods from order {{orderNumber}} are back in our warehouse.",
        "{{comment}}",
        "If you paid for the order, we will refund the money the same way it was paid, within 14 days at the latest. Any questions? Just reply to this email.",
        en.signoff,
      ),
    },
  },

  complaint_pending: {
    pl: {
      subject: "Przyjęliśmy reklamację do zamówienia {{orderNumber}}",
      body: text(
        pl.greeting,
        "otrzymaliśmy Twoją reklamację dotyczącą zamówienia {{orderNumber}}.",
        "{{comment}}",
        "Rozpatrzymy ją w ciągu 14 dni i poinformujemy Cię o decyzji e-mailem. Jeśli chcesz coś dodać (zdjęcia, opis usterki), odpowiedz na tę wiadomość.",
        pl.signoff,
      ),
    },
    en: {
      subject: "Your complaint about order {{orderNumber}} has been received",
      body: text(
        en.greeting,
        "we have received your complaint about order {{orderNumber}}.",
        "{{comment}}",
        "We will review it within 14 days and email you our decision. To add anything (photos, a description of the fault), reply to this email.",
        en.signoff,
      ),
    },
  },

  complaint_closed: {
    pl: {
      subject: "Reklamacja do zamówienia {{orderNumber}} rozpatrzona",
      body: text(
        pl.greeting,
        "rozpatrzyliśmy Twoją reklamację dotyczącą zamówienia {{orderNumber}}.",
        "Decyzja: {{comment}}",
        "Jeśli masz pytania dotyczące decyzji, odpowiedz na tę wiadomość.",
        pl.signoff,
      ),
    },
    en: {
      subject: "Your complaint about order {{orderNumber}} has been decided",
      body: text(
        en.greeting,
        "we have reviewed your complaint about order {{orderNumber}}.",
        "Decision: {{comment}}",
        "If you have any questions about the decision, just reply to this email.",
        en.signoff,
      ),
    },
  },
};
