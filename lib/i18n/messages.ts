import { accounts } from "./catalogue/accounts";
import { admin } from "./catalogue/admin";
import { alerts } from "./catalogue/alerts";
import { analytics } from "./catalogue/analytics";
import { apiDocs } from "./catalogue/api-docs";
import { audit } from "./catalogue/audit";
import { auth } from "./catalogue/auth";
import { automations } from "./catalogue/automations";
import { board } from "./catalogue/board";
import { common } from "./catalogue/common";
import { documents } from "./catalogue/documents";
import { effects } from "./catalogue/effects";
import { integrations } from "./catalogue/integrations";
import { lint } from "./catalogue/lint";
import { mailbox } from "./catalogue/mailbox";
import { notes } from "./catalogue/notes";
import { order } from "./catalogue/order";
import { orders } from "./catalogue/orders";
import { pages } from "./catalogue/pages";
import { parcels } from "./catalogue/parcels";
import { refusals } from "./catalogue/refusals";
import { roles } from "./catalogue/roles";
import { scan } from "./catalogue/scan";
import { settings } from "./catalogue/settings";
import { statuses } from "./catalogue/statuses";
import { templates } from "./catalogue/templates";
import { track } from "./catalogue/track";
import { undo } from "./catalogue/undo";
import { workflows } from "./catalogue/workflows";

/**
 * Every text a person reads, in Polish and English (ICU message syntax, rendered by next-intl):
 * one namespace per file under `catalogue/`, each written in both languages side by side. A new
 * screen adds its namespace file and one line per language here.
 */
const namespaces = {
  accounts,
  admin,
  alerts,
  analytics,
  apiDocs,
  audit,
  auth,
  automations,
  board,
  common,
  documents,
  effects,
  integrations,
  lint,
  mailbox,
  notes,
  order,
  orders,
  pages,
  parcels,
  refusals,
  roles,
  scan,
  settings,
  statuses,
  templates,
  track,
  undo,
  workflows,
};

type Namespaces = typeof namespaces;
export type Messages = { [N in keyof Namespaces]: Namespaces[N]["pl"] };

function inLanguage(language: "pl" | "en"): Messages {
  return Object.fromEntries(Object.entries(namespaces).map(([name, texts]) => [name, texts[language]])) as Messages;
}

export const messages = { pl: inLanguage("pl"), en: inLanguage("en") };
