type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  $ref?: string;
};

/** "string", "integer or null", "array of object", "one of: a, b". */
function typeLabel(schema: JsonSchema): string {
  if (schema.$ref) return schema.$ref.split("/").pop() ?? "object";
  if (schema.enum) return `one of: ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeLabel).join(" or ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (schema.prefixItems) return `[${schema.prefixItems.map(typeLabel).join(", ")}]`;
  if (types.includes("array") && schema.items && !Array.isArray(schema.items)) {
    return types.map((t) => (t === "array" ? `array of ${typeLabel(schema.items as JsonSchema)}` : t)).join(" or ");
  }
  if (types.length === 0 && schema.additionalProperties) return "object";
  return types.join(" or ") || "any";
}

/** Limits worth knowing, in words; JavaScript's safe-integer bounds are noise. */
function constraints(schema: JsonSchema): string[] {
  const out: string[] = [];
  const safe = (n: number) => Math.abs(n) < 9_000_000_000_000_000;
  if (schema.minimum !== undefined && safe(schema.minimum)) out.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined && safe(schema.maximum)) out.push(`≤ ${schema.maximum}`);
  if (schema.minLength !== undefined && schema.minLength > 0) out.push(`min length ${schema.minLength}`);
  if (schema.maxLength !== undefined) out.push(`max length ${schema.maxLength}`);
  if (schema.minItems !== undefined && schema.minItems > 0) out.push(`at least ${schema.minItems}`);
  if (schema.format) out.push(schema.format);
  if (schema.pattern) out.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

function childrenOf(schema: JsonSchema): JsonSchema | undefined {
  if (schema.properties) return schema;
  if (schema.items && !Array.isArray(schema.items) && schema.items.properties) return schema.items;
  const variant = (schema.anyOf ?? schema.oneOf)?.find((v) => v.properties);
  return variant;
}

/** A JSON Schema as a nested list of fields: name, type, required, limits, description. */
export function SchemaView({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }) {
  const object = childrenOf(schema);
  if (!object?.properties) {
    return (
      <p className="text-sm text-slate-700">
        <code className="font-mono text-xs">{typeLabel(schema)}</code>
        {schema.description && <span className="text-slate-600"> · {schema.description}</span>}
      </p>
    );
  }
  const required = new Set(object.required ?? []);
  return (
    <ul className={depth === 0 ? "space-y-1" : "mt-1 space-y-1 border-l border-slate-200 pl-4"}>
      {Object.entries(object.properties).map(([name, property]) => {
        const nested = depth < 4 ? childrenOf(property) : undefined;
        const limits = constraints(property);
        return (
          <li key={name} className="text-sm">
            <code className="font-mono text-xs font-semibold text-slate-900">{name}</code>{" "}
            <span className="font-mono text-xs text-slate-500">{typeLabel(property)}</span>
            {required.has(name) && <span className="ml-1 text-xs font-medium text-red-700">required</span>}
            {limits.length > 0 && <span className="ml-1 text-xs text-slate-500">({limits.join(", ")})</span>}
            {property.description && <span className="text-slate-600"> · {property.description}</span>}
            {nested && <SchemaView schema={nested} depth={depth + 1} />}
          </li>
        );
      })}
    </ul>
  );
}

export type { JsonSchema };
