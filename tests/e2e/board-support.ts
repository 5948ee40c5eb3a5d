import { expect, type Locator, type Page } from "@playwright/test";

/** The Kanban board, filtered down to the fixture orders a test owns. */
export class BoardPage {
  constructor(readonly page: Page) {}

  async open(search: string) {
    await this.page.goto(`/board?type=retail&q=${encodeURIComponent(search)}`);
    await expect(this.page.getByRole("heading", { name: "Board" })).toBeVisible();
  }

  column(code: string): Locator {
    return this.page.getByTestId(`column-${code}`);
  }

  card(number: string): Locator {
    return this.page.getByTestId(`card-${number}`);
  }

  /** A mouse drag the way a person does it: press, travel in steps, hover, release. */
  async dragWithMouse(number: string, toColumn: string, { release = true } = {}) {
    const from = await this.card(number).boundingBox();
    const to = await this.column(toColumn).boundingBox();
    if (!from || !to) throw new Error("card or column not on screen");
    const { mouse } = this.page;
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await mouse.down();
    await mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 5, { steps: 3 });
    const tx = to.x + to.width / 2;
    const ty = to.y + 120;
    await mouse.move(tx, ty, { steps: 15 });
    await mouse.move(tx + 2, ty + 2, { steps: 2 });
    if (release) await mouse.up();
  }

  /** Space to lift, arrows to travel between columns, Space to drop (with dnd-kit's pauses). */
  async dragWithKeyboard(number: string, arrows: ("ArrowRight" | "ArrowLeft")[]) {
    await this.card(number).focus();
    await this.page.keyboard.press("Space");
    await this.page.waitForTimeout(250);
    for (const key of arrows) {
      await this.page.keyboard.press(key);
      await this.page.waitForTimeout(250);
    }
    await this.page.keyboard.press("Space");
    await this.page.waitForTimeout(250);
  }
}
