import type { GroupKind } from "@/lib/workflow";
import { cn } from "@/components/ui/cn";

type Labels = Record<"placed" | "in_progress" | "completed" | "not_completed", string>;

/** Placed → in progress → completed, or placed → not completed for a cancelled or returned order. */
export function ProgressStages({ stage, labels, label, colour }: { stage: GroupKind; labels: Labels; label: string; colour: string }) {
  const cancelled = stage === "not_completed";
  const steps = cancelled ? (["placed", "not_completed"] as const) : (["placed", "in_progress", "completed"] as const);
  const reached = cancelled ? 1 : stage === "new" ? 0 : stage === "in_progress" ? 1 : 2;
  return (
    <ol className="flex items-center gap-2" aria-label={label}>
      {steps.map((step, i) => {
        const done = i <= reached;
        return (
          <li key={step} className="flex flex-1 flex-col items-center gap-1 text-center" aria-current={i === reached ? "step" : undefined}>
            <span
              className={cn("h-2 w-full rounded-full", !done && "bg-slate-200")}
              style={done ? { backgroundColor: step === "not_completed" ? "#b91c1c" : colour } : undefined}
            />
            <span className={cn("text-xs", done ? "font-semibold text-slate-900" : "text-slate-600")}>{labels[step]}</span>
          </li>
        );
      })}
    </ol>
  );
}
