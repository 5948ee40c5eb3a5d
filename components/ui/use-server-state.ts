"use client";

import { useState } from "react";

/**
 * Local state for an editor that starts from what the server rendered and changes optimistically,
 * then adopts the server's value again whenever a new one arrives (the revalidation after a save is
 * the truth). The new value is taken while rendering, as React recommends for state derived from
 * props, rather than in an effect: an effect would first paint the stale list, then render again.
 */
export function useServerState<T>(fromServer: T) {
  const [value, setValue] = useState(fromServer);
  const [adopted, setAdopted] = useState(fromServer);
  if (adopted !== fromServer) {
    setAdopted(fromServer);
    setValue(fromServer);
  }
  return [value, setValue] as const;
}
