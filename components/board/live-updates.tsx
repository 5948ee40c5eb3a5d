"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { parseOrderChange } from "@/lib/live/order-change";
import { RefreshThrottle, streamRetryDelayMs } from "@/lib/live/refresh-throttle";
import { concernsScreen, liveStreamUrl, type LiveScope } from "@/lib/live/scope";

const POLL_MS = 3000;

/** connecting: the stream is opening; live: it is open; polling: it dropped and the change stamp is polled; offline: the poll fails too. */
type Mode = "connecting" | "live" | "polling" | "offline";

const DOT: Record<Mode, string> = {
  connecting: "bg-slate-400",
  live: "bg-green-500",
  polling: "bg-amber-500",
  offline: "bg-red-500",
};

/**
 * Keeps a screen current while others (colleagues, the API, automations, another app instance)
 * change orders. The server pushes each committed change (`GET /api/live`, server-sent events,
 * ADR 0150) and the screen re-renders when one concerns what it shows. When the stream drops,
 * the change stamp is polled every 3 s (ADR 0025) while the stream is tried again with backoff.
 */
export function LiveUpdates({ stamp, scope }: { stamp: number; scope: LiveScope }) {
  const t = useTranslations("board.live");
  const router = useRouter();
  const seen = useRef(stamp);
  const scopeRef = useRef(scope);
  const [mode, setMode] = useState<Mode>("connecting");
  const url = liveStreamUrl(scope);

  useEffect(() => {
    seen.current = Math.max(seen.current, stamp);
    scopeRef.current = scope;
  }, [stamp, scope]);

  useEffect(() => {
    // A screen marks itself busy (a card in flight, a dialog open) so a refresh never yanks the
    // ground from under a person's hands; the throttle asks again shortly.
    const throttle = new RefreshThrottle(() => {
      if (document.hidden || document.querySelector("[data-live-hold]")) return false;
      router.refresh();
      return true;
    });
    const caughtUp = (latest: number) => {
      if (latest <= seen.current) return;
      seen.current = latest;
      throttle.request();
    };

    let source: EventSource | undefined;
    let failures = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let poll: ReturnType<typeof setInterval> | undefined;
    let polling = false;

    const tick = async () => {
      if (polling || document.hidden) return;
      polling = true;
      try {
        const response = await fetch("/board/changes", { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        caughtUp(((await response.json()) as { stamp: number }).stamp);
        setMode((m) => (m === "live" ? m : "polling"));
      } catch {
        setMode((m) => (m === "live" ? m : "offline"));
      } finally {
        polling = false;
      }
    };

    const open = () => {
      const stream = new EventSource(url);
      source = stream;
      stream.addEventListener("ready", (e) => {
        failures = 0;
        clearInterval(poll);
        poll = undefined;
        setMode("live");
        // Whatever changed while the stream was down (or before it opened) shows now.
        caughtUp((JSON.parse(e.data) as { stamp: number }).stamp);
      });
      stream.addEventListener("change", (e) => {
        const change = parseOrderChange(e.data);
        if (!change) return;
        const concerns = concernsScreen(change, scopeRef.current);
        // Changes elsewhere move the stamp too, so the fallback poll does not refresh for them.
        seen.current = Math.max(seen.current, change.eventId);
        if (concerns) throttle.request();
      });
      // The server lost its database connection for a while: changes may have gone unheard.
      stream.addEventListener("resync", () => throttle.request());
      // The server ends each stream after a while so the session is checked again: reopen at once.
      stream.addEventListener("bye", () => {
        stream.close();
        open();
      });
      stream.onerror = () => {
        stream.close();
        source = undefined;
        failures += 1;
        setMode((m) => (m === "offline" ? m : "polling"));
        poll ??= setInterval(tick, POLL_MS);
        retry = setTimeout(open, streamRetryDelayMs(failures));
      };
    };
    open();

    return () => {
      source?.close();
      clearTimeout(retry);
      clearInterval(poll);
      throttle.dispose();
    };
  }, [router, url]);

  const label = mode === "polling" ? t("reconnecting") : mode === "offline" ? t("offline") : t("on");
  return (
    <p className="flex items-center gap-1.5 text-xs text-slate-500" title={mode === "polling" ? t("reconnectingHint") : t("hint")} data-live={mode}>
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${DOT[mode]}`} />
      {label}
    </p>
  );
}
