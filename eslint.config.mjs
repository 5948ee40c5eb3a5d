// ESLint flat config, run by `npm run lint` (and so by `npm test` and CI) with zero warnings allowed.
// `next lint` is gone in Next 16; eslint-config-next ships flat configs of its own. See
// docs/adr/0118-one-linter-a-lean-rule-set.md for why these rules and no others.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

// Every screen's texts come from the catalogue; the rule below keeps them so.
const TRANSLATED_SCREENS = ["app/**/*.tsx", "components/**/*.tsx", "emails/**/*.tsx"];
// The API reference is written for developers, in English, like the API's own problem details.
const ENGLISH_FOR_DEVELOPERS = ["app/api/docs/**", "components/api-docs/**"];
// Symbols that read the same in every language and sit between translated parts.
const ALLOWED_LITERALS = ["PDF", "CSV", "·", "—", "–", "(", ")", ":", "/", "×", "…", "→", "←", "↑", "↓", "+", "−", "%", "#", "*", "|", ",", "."];

export default defineConfig([
  // Next's rules, React's, react-hooks' recommended set (dependencies and the compiler's checks)
  // and typescript-eslint's recommended set; the plugins for jsx-a11y and import are registered here too.
  ...nextVitals,
  ...nextTs,
  {
    name: "orderly/rules",
    // import-x rather than the `import` plugin Next registers: its no-cycle walk takes a third of the time.
    plugins: { "import-x": importX },
    settings: {
      // Resolves `@/…` through tsconfig.json's paths, like the compiler.
      "import-x/resolver-next": [createTypeScriptImportResolver()],
      // The walk follows only files with these endings (by default only `.js`): without them the rule
      // silently finds no circle at all (lib/import-cycles.test.ts guards this).
      "import-x/extensions": [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs"],
      // Never parse node_modules for the cycle walk: a package cannot import our code back, and parsing
      // bundled dist files (pglite's) takes most of the time and overflows the parser's stack.
      "import-x/ignore": ["node_modules"],
    },
    rules: {
      // Next enables six jsx-a11y rules; staff screens are keyboard-driven, so take all the recommended ones
      // (the plugin itself is already registered by eslint-config-next, hence only the rules).
      ...jsxA11y.flatConfigs.recommended.rules,
      // Import circles make module initialisation order-dependent (an import is `undefined` while its
      // module is still running); see docs/adr/0118-one-linter-a-lean-rule-set.md. `ignoreExternal` keeps node_modules out of the walk.
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      // `_name` marks an argument or binding that is deliberately unused (a signature to match, a key to drop).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Every text a person reads comes from the catalogue (lib/i18n/messages.ts): no words written
    // into JSX, nor into the attributes people read or hear (labels for screen readers, tooltips,
    // placeholders, image descriptions). Punctuation and symbols between translated parts may stay.
    name: "orderly/texts-from-the-catalogue",
    files: TRANSLATED_SCREENS,
    ignores: ENGLISH_FOR_DEVELOPERS,
    rules: {
      "react/jsx-no-literals": ["error", { noStrings: false, ignoreProps: true, allowedStrings: ALLOWED_LITERALS }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt)$/] > Literal[value=/[A-Za-z]/]",
          message: "A text people read or hear comes from the catalogue (lib/i18n/messages.ts).",
        },
      ],
    },
  },
  globalIgnores([
    ".next*/**",
    ".data/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    // A deliberate import circle, linted on purpose by lib/import-cycles.test.ts.
    "tests/lint/**",
  ]),
]);
