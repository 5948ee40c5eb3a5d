import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { orderTypes, statuses } from "./workflow";

/** The parts of Orderly a role may open beside the board, the order list and the order pages, which every member sees. */
export const ROLE_AREAS = ["scan", "analytics", "admin"] as const;
export type RoleArea = (typeof ROLE_AREAS)[number];

/** The two roles every shop has; an admin defines the others. */
export const BUILT_IN_ROLES = ["admin", "staff"] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

/**
 * What a group of people may do. `admin` may do everything and cannot be changed, so a shop can
 * never lock itself out; `staff` and the roles an admin defines say which areas their members
 * open and, when `limits_statuses` is on, which statuses they may move orders into
 * (`role_status_rights`).
 */
export const roles = pgTable(
  "roles",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** "admin" or "staff" for the two built-in roles (named from the catalogue), null for the shop's own. */
    builtIn: text(),
    name: text().notNull(),
    areas: text().array().$type<RoleArea[]>().notNull().default(sql`'{}'::text[]`),
    /** Off: members may move orders into every status; on: only into the statuses listed for the role. */
    limitsStatuses: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("roles_built_in_idx").on(t.builtIn),
    // Two roles a person cannot tell apart in a list would be a trap.
    uniqueIndex("roles_name_idx").on(sql`lower(${t.name})`),
    check("roles_built_in", sql`${t.builtIn} is null or ${t.builtIn} in ('admin', 'staff')`),
    check("roles_areas", sql`${t.areas} <@ array['scan', 'analytics', 'admin']::text[]`),
  ],
);

/** Per role and order type, the statuses its members may move orders into (read only when the role limits statuses). */
export const roleStatusRights = pgTable(
  "role_status_rights",
  {
    roleId: integer()
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    orderTypeId: integer()
      .notNull()
      .references(() => orderTypes.id, { onDelete: "cascade" }),
    statusId: integer()
      .notNull()
      .references(() => statuses.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.orderTypeId, t.statusId] }), index("role_status_rights_status_idx").on(t.statusId)],
);

export type Role = typeof roles.$inferSelect;

/** The areas the built-in roles open, as migration 0011 created them: admin all, staff all but the admin pages. */
export const BUILT_IN_AREAS: Record<BuiltInRole, readonly RoleArea[]> = { admin: ["scan", "analytics", "admin"], staff: ["scan", "analytics"] };
