/**
 * URL paths of the app's routes, from their files under app/ (or the build's worker names, which
 * are the same paths without the extension): route groups drop out, `[segments]` stay as they are.
 */
export function routeOf(file: string): string {
  const segments = file
    .replace(/^app\//, "")
    .replace(/\/?(page|route)(\.tsx?)?$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

/**
 * A real value for every dynamic segment, keyed by the segment (`[token]`) or, where one name
 * means different rows, by the segment with its parent (`mailbox/[id]`).
 */
export type SegmentValues = Record<string, string>;

/** The route with each dynamic segment replaced by a real value; throws for one it has no row for. */
export function fillRoute(route: string, values: SegmentValues): string {
  const segments = route.split("/");
  return segments
    .map((segment, index) => {
      if (!segment.startsWith("[")) return segment;
      const value = values[`${segments[index - 1]}/${segment}`] ?? values[segment];
      if (value === undefined) throw new Error(`No real row for ${segment} in ${route}: add one to the route rows`);
      return encodeURIComponent(value);
    })
    .join("/");
}
