import type { ReasonCode } from "../reasons";

/*
 * Characters refused in every text cell, as code points: they are never data in a bank's export, and each
 * does harm downstream. NUL cannot be stored in PostgreSQL text at all; C0 / DEL / C1 controls (ESC, BEL…)
 * drive terminals and log viewers; bidi overrides and isolates make an id or name display as something else.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0001-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** The reason a text holds a refused character, or null when it is clean. */
export function findForbiddenCharacter(text: string): ReasonCode | null {
  if (text.includes("\u0000")) return "nul_character";
  if (CONTROL.test(text)) return "control_character";
  if (BIDI.test(text)) return "bidi_control";
  if (text.includes("\uFFFD")) return "replacement_character";
  return null;
}
