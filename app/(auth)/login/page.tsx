import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { LoginForm } from "./login-form";

export const metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await getCurrentUser()) redirect("/orders");
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-6">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="space-y-1 text-center">
          <p className="text-2xl font-bold tracking-tight text-blue-800">Orderly</p>
          <h1 className="text-sm text-slate-600">Sign in to manage your orders</h1>
        </div>
        <LoginForm />
      </div>
    </main>
  );
}
