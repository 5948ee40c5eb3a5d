/** A code no list names, made readable for people: "my_courier" → "My courier". */
export function readableCode(code: string): string {
  const words = code.replaceAll("_", " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
