import { listOf, resolveLocale } from "./locales";
import type { LintIssue } from "@/lib/workflow/types";

/**
 * The catalogue's `lint` message for a finding of the workflow lint, from its code and the
 * statuses it names (never from the lint's English `message`, which stays for the API): with
 * `t = useTranslations("lint")` (or getTranslations), `t(\`issues.${m.key}\`, m.values)`.
 * `nameOf` gives a status's name in the reader's language; `list` joins names as the language does.
 */
export type LintMessage =
  | { key: "initial_missing" | "unknown_status"; values: { id: number } }
  | { key: "initial_archived" | "initial_terminal" | "unreachable" | "dead_end" | "unpaid_gate"; values: { name: string } }
  | { key: "contradictory_path" | "archived_target"; values: { from: string; to: string } }
  | { key: "terminal_exit"; values: { name: string; targets: string } };

export function lintMessage(
  issue: Pick<LintIssue, "code" | "statusIds">,
  nameOf: (id: number) => string,
  list: (names: string[]) => string = (names) => names.join(", "),
): LintMessage {
  const [first = 0, second = 0, ...rest] = issue.statusIds;
  switch (issue.code) {
    case "initial_missing":
    case "unknown_status":
      return { key: issue.code, values: { id: first } };
    case "contradictory_path":
    case "archived_target":
      return { key: issue.code, values: { from: nameOf(first), to: nameOf(second) } };
    case "terminal_exit":
      return { key: issue.code, values: { name: nameOf(first), targets: list(issue.statusIds.length > 1 ? [second, ...rest].map(nameOf) : []) } };
    default:
      return { key: issue.code, values: { name: nameOf(first) } };
  }
}

/** Names joined as a reader of `locale` expects ("A, B i C" / "A, B and C"). */
export function listIn(locale: string): (names: string[]) => string {
  return (names) => listOf(resolveLocale(locale), names);
}
