import { PageSkeleton } from "@/components/layout/page-skeleton";

// Per screen, not for the whole (staff) group: a group-wide loading boundary would wrap the
// nested layouts too, and an area check there (analytics) would then answer 200 with a streamed
// redirect instead of a real 307.
export default PageSkeleton;
