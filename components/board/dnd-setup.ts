"use client";

import {
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
} from "@dnd-kit/core";

/**
 * Arrow keys jump a lifted card from column to column (the default moves 25 px per press, which
 * would take dozens of presses to cross a 300 px column). Up and down do nothing: a card's place
 * inside a column is its waiting time, not something a person sets.
 */
export const columnJumpCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { collisionRect, droppableRects, droppableContainers } = context;
  const direction = event.code === "ArrowRight" ? 1 : event.code === "ArrowLeft" ? -1 : 0;
  if (!collisionRect || direction === 0) return undefined;
  event.preventDefault();
  const centre = collisionRect.left + collisionRect.width / 2;
  const columns = droppableContainers
    .getEnabled()
    .map((c) => droppableRects.get(c.id))
    .filter((rect) => rect !== undefined)
    .sort((a, b) => a.left - b.left);
  const next =
    direction > 0
      ? columns.find((r) => r.left + r.width / 2 > centre + 1)
      : columns.reverse().find((r) => r.left + r.width / 2 < centre - 1);
  if (!next) return undefined;
  return { x: next.left + (next.width - collisionRect.width) / 2, y: next.top + 48 };
};

/** The pointer decides for mouse and touch; the card's own rectangle for the keyboard. */
export const boardCollisions: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  return underPointer.length > 0 ? underPointer : rectIntersection(args);
};

export function useBoardSensors() {
  return useSensors(
    // A few pixels of travel before a drag starts, so a click on a card's link still navigates.
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    // On touch a short press-and-hold starts a drag, so the board still scrolls with a swipe.
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnJumpCoordinates }),
  );
}
