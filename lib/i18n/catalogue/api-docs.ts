import { bilingual } from "./define";

/** The API reference's page chrome; the reference itself stays English (it is for developers). */
export const apiDocs = bilingual({
  pl: {
    title: "Dokumentacja API",
    heading: "Dokumentacja API Orderly",
    endpoints: "Punkty końcowe",
    contents: "Spis treści",
  },
  en: {
    title: "API reference",
    heading: "Orderly API reference",
    endpoints: "Endpoints",
    contents: "Contents",
  },
});
