// The other half of the circle: a relative import back to first.ts (see first.ts).
import { first } from "./first";

export const second = (): string => "second";
export const again = (): string => first();
