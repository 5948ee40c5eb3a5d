// The REST API: one dispatcher over a route registry that also writes the OpenAPI document.
export { API_BASE, handleApiRequest } from "./dispatch";
export { buildOpenApiDocument, errorCodesOf, inlineComponentRefs, type OpenApiDocument } from "./openapi";
export { PROBLEM_STATUS, problemOf, type ApiErrorCode, type Problem } from "./problem";
export { API_ROUTES } from "./registry";
export type { ApiRoute } from "./route";
