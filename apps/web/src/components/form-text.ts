/**
 * The text a form field submitted, or `fallback` when the field is absent. `FormData.get` can also
 * return a File, which has no meaningful text: that reads as `fallback` too.
 */
export function formText(form: FormData, name: string, fallback = ""): string {
  const value = form.get(name);
  return typeof value === "string" ? value : fallback;
}
