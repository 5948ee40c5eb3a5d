import { ScanStation } from "@/components/scan/scan-station";
import { getDb } from "@/db";
import { listBoardOrderTypes, listBoardStatuses } from "@/db/queries/board";
import { requirePageUser } from "@/lib/auth";
import { scanAction } from "./actions";

export const metadata = { title: "Scan" };

export default async function ScanPage() {
  await requirePageUser("staff");
  const db = await getDb();
  const types = await listBoardOrderTypes({ db });
  const perType = await Promise.all(types.map((t) => listBoardStatuses({ db, orderTypeId: t.id })));
  // One list of targets across order types: a packing table handles whatever lands on it.
  const seen = new Set<number>();
  const targets = perType.flat().filter((s) => !s.archived && !seen.has(s.id) && seen.add(s.id));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Scan mode</h1>
        <p className="text-sm text-slate-600">Pick the status, then scan labels or type order numbers one after another.</p>
      </div>
      <ScanStation targets={targets} scan={scanAction} />
    </div>
  );
}
