import { expect, type Locator, type Page } from "@playwright/test";

type Arrow = "ArrowRight" | "ArrowLeft";

/** The Kanban board, filtered down to the fixture orders a test owns. */
export class BoardPage {
  constructor(readonly page: Page) {}

  async open(search: string, type = "retail") {
    await this.page.goto(`/board?type=${encodeURIComponent(type)}&q=${encodeURIComponent(search)}`);
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
  async dragWithKeyboard(number: string, arrows: Arrow[]) {
    await this.lift(number);
    await this.carry(arrows);
    await this.drop();
  }

  /** The keyboard drag in steps, for a test that looks at the board while a card is in the air. */
  async lift(number: string) {
    await this.card(number).focus();
    await this.press("Space");
  }

  async carry(arrows: Arrow[]) {
    for (const key of arrows) await this.press(key);
  }

  async drop() {
    await this.press("Space");
  }

  private async press(key: string) {
    await this.page.keyboard.press(key);
    await this.page.waitForTimeout(250);
  }
}
