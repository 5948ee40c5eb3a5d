"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

const POLL_MS = 3000;

/**
 * Keeps a screen current while others (colleagues, the API, automations) change orders: polls
 * the change stamp and re-renders the page when it moved. Polling a number every 3 s is cheap,
 * works behind any proxy and needs no extra infrastructure, and 3 s stays well inside the
 * 5 s promise. Hidden tabs do not poll.
 */
export function LiveUpdates({ stamp }: { stamp: number }) {
  const t = useTranslations("board.live");
  const router = useRouter();
  const seen = useRef(stamp);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    seen.current = Math.max(seen.current, stamp);
  }, [stamp]);

  useEffect(() => {
    let busy = false;
    const tick = async () => {
      // A screen marks itself busy (a card in flight, a dialog open) so a refresh never yanks
      // the ground from under a person's hands; the next tick catches up.
      if (busy || document.hidden || document.querySelector("[data-live-hold]")) return;
      busy = true;
      try {
        const response = await fetch("/board/changes", { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const { stamp: latest } = (await response.json()) as { stamp: number };
        setOffline(false);
        if (latest > seen.current) {
          seen.current = latest;
          router.refresh();
        }
      } catch {
        setOffline(true);
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(tick, POLL_MS);
    return () => clearInterval(timer);
  }, [router]);

  return (
    <p className="flex items-center gap-1.5 text-xs text-slate-500" title={t("hint")}>
      <span aria-hidden="true" className={offline ? "h-2 w-2 rounded-full bg-amber-500" : "h-2 w-2 rounded-full bg-green-500"} />
      {offline ? t("offline") : t("on")}
    </p>
  );
}
