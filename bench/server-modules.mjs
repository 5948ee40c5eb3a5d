// The benchmark is a server-side script: modules marked `import "server-only"` (a guard against
// bundling them into the browser, which throws when imported outside Next's server build) are as
// much at home here as in a route handler. This resolves that one import to the package's own
// empty module, as Next's server build does.
import Module, { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const empty = path.join(path.dirname(require.resolve("server-only")), "empty.js");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === "server-only" ? empty : resolve.call(this, request, ...rest);
};
