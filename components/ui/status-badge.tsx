import { readableTextColour } from "@/lib/format";
import { cn } from "./cn";

export function StatusBadge({ name, colour, className }: { name: string; colour: string; className?: string }) {
  return (
    <span
      className={cn("inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap", className)}
      style={{ backgroundColor: colour, color: readableTextColour(colour) }}
    >
      {name}
    </span>
  );
}
