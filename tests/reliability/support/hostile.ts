import fc from "fast-check";

/** Strings an attacker or a broken client sends: markup, SQL, NUL, huge, a path out of the tree. */
const HOSTILE_STRINGS = ["<script>alert(1)</script>", "' or 1=1 --", "\u0000", "x".repeat(10_000), "../../etc/passwd"];

/** Nasty values: wrong types, edges of ranges, huge and hostile strings. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(-1, 0, 1.5, 2 ** 31, Number.MAX_SAFE_INTEGER, "", " ", "NaN", null, true, [], {}),
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.string(),
  );

/** Nasty text for a form field, where everything arrives as a string: numbers at the edges too. */
export const hostileText = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.constantFrom("-1", "0", "1.5", "1e308", "2147483648", "9007199254740993", "NaN", "", " ", "on"),
    fc.string(),
  );
