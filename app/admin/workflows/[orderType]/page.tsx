import Link from "next/link";
import { notFound } from "next/navigation";
import { MatrixEditor } from "@/components/admin/matrix-editor";
import { getDb } from "@/db";
import { getMatrixEditor } from "@/db/queries/workflow";
import { requirePageUser } from "@/lib/auth";
import { setTransitionAction, setTransitionRowAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ orderType: string }> }) {
  return { title: `Matrix ${decodeURIComponent((await params).orderType)}` };
}

export default async function MatrixPage({ params }: { params: Promise<{ orderType: string }> }) {
  await requirePageUser("admin");
  const { orderType } = await params;
  const data = await getMatrixEditor({ db: await getDb(), code: decodeURIComponent(orderType) });
  if (!data) notFound();
  const initial = data.statuses.find((s) => s.id === data.type.initialStatusId);
  return (
    <div className="space-y-4">
      <Link href="/admin/workflows" className="text-sm text-blue-700 hover:underline">
        ← Order types
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">{data.type.name}: allowed changes</h1>
        <p className="text-sm text-slate-600">
          Orders start in <strong>{initial?.name ?? "an unknown status"}</strong>. Click a cell (or use the arrow keys and Space) to allow or
          forbid a change; every change is saved at once and checked.
        </p>
      </div>
      <MatrixEditor
        orderTypeId={data.type.id}
        initialStatusId={data.type.initialStatusId}
        statuses={data.statuses}
        groups={data.groups.map((g) => ({ id: g.id, name: g.name, colour: g.colour }))}
        transitions={data.transitions}
        setTransition={setTransitionAction}
        setRow={setTransitionRowAction}
      />
    </div>
  );
}
