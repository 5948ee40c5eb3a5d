import { seedDemo } from "@/db/seed";
import { openScratchDatabase, type ScratchDatabase } from "./database";

/**
 * A scratch database ready for the app: migrated, then seeded as `npm run db:seed` does (shop
 * settings, the demo accounts, the retail and wholesale processes) with `orders` demo orders
 * (default none: scenarios create the orders they check).
 */
export async function openAppDatabase(options: { orders?: number; max?: number } = {}): Promise<ScratchDatabase> {
  const database = await openScratchDatabase({ max: options.max ?? 4 });
  try {
    await seedDemo(database.db, { orders: options.orders ?? 0, worker: false });
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
