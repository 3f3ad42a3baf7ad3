import { IntlMessageFormat } from "intl-messageformat";
import {
  REASON_DETAILS,
  REASONS,
  isReasonCode,
  type ReasonCode,
  type ReasonDetailKey,
  type ReasonParams,
} from "./reasons";

export type ReasonLocale = "zh-CN" | "en";

/**
 * The reason catalogue of one language as an ICU message tree: `reasons.<code>`, `details.<param>` and how they
 * join. The web app takes it into its next-intl catalogues; `renderReason` formats from it for the report and CLI.
 */
export type ReasonMessages = {
  reasons: Record<ReasonCode, string>;
  details: Record<ReasonDetailKey, string>;
  shape: { withDetails: string; detailSeparator: string; listSeparator: string };
};

const SHAPES = {
  zh: { withDetails: "{reason}：{details}", detailSeparator: "；", listSeparator: "、" },
  en: { withDetails: "{reason}: {details}", detailSeparator: "; ", listSeparator: ", " },
};

function buildMessages(language: "zh" | "en"): ReasonMessages {
  const pick = <K extends string>(table: Record<K, { zh: string; en: string }>) =>
    Object.fromEntries(Object.entries<{ zh: string; en: string }>(table).map(([key, words]) => [key, words[language]]));
  return {
    reasons: pick(REASONS) as Record<ReasonCode, string>,
    details: pick(REASON_DETAILS) as Record<ReasonDetailKey, string>,
    shape: SHAPES[language],
  };
}

export const REASON_MESSAGES: Record<ReasonLocale, ReasonMessages> = {
  "zh-CN": buildMessages("zh"),
  en: buildMessages("en"),
};

/** A message of the reason catalogue by its dotted key (`reasons.empty_file`), filled with values. */
export type FormatReasonMessage = (key: string, values?: Record<string, string | number>) => string;

const DETAIL_ORDER = Object.keys(REASON_DETAILS) as ReasonDetailKey[];

/**
 * A reason in words: its sentence, then one detail per parameter present, in catalogue order. The one composition
 * every output uses; `format` reads the catalogue (next-intl's `t` on the web, `renderReason` elsewhere) and
 * `labelColumn` names a canonical column as the reader knows it (资产负债率 for debt_ratio in Chinese).
 * A code this release does not know (stored by an older one) shows as the code.
 */
export function composeReason(
  reject: { code: string; params: ReasonParams },
  args: { format: FormatReasonMessage; labelColumn?: (column: string) => string },
): string {
  if (!isReasonCode(reject.code)) return reject.code;
  const listSeparator = args.format("shape.listSeparator");
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(reject.params) as [string, unknown][]) {
    if (Array.isArray(value)) values[key] = value.join(listSeparator);
    else if (typeof value === "string" || typeof value === "number") values[key] = value;
  }
  if (typeof values.column === "string" && args.labelColumn) values.column = args.labelColumn(values.column);
  const reason = args.format(`reasons.${reject.code}`);
  const details = DETAIL_ORDER.filter((key) => values[key] !== undefined).map((key) =>
    args.format(`details.${key}`, values),
  );
  if (details.length === 0) return reason;
  return args.format("shape.withDetails", { reason, details: details.join(args.format("shape.detailSeparator")) });
}

const formats = new Map<string, IntlMessageFormat>();

function formatFrom(locale: ReasonLocale): FormatReasonMessage {
  return (key, values) => {
    const id = `${locale}\u0000${key}`;
    let format = formats.get(id);
    if (!format) {
      const [group, name] = key.split(".") as [keyof ReasonMessages, string];
      const messages = REASON_MESSAGES[locale][group] as Record<string, string>;
      format = new IntlMessageFormat(messages[name] ?? key, locale);
      formats.set(id, format);
    }
    return String(format.format(values));
  };
}

/** A reject's reason in one language, for outputs outside the web app (the reject report, the CLI). */
export function renderReason(
  reject: { code: string; params: ReasonParams },
  args: { locale: ReasonLocale; labelColumn?: (column: string) => string },
): string {
  return composeReason(reject, { format: formatFrom(args.locale), labelColumn: args.labelColumn });
}

export { isReasonCode, type ReasonCode, type ReasonParams } from "./reasons";
