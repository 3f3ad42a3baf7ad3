"use client";

import { useCodeText } from "./use-code-text";

/**
 * A project group's key "industry|region|risk": industry and region are the bank's own words (shown as they are,
 * not for translation), the risk level is translated.
 */
export function GroupKey({ value }: { value: string }) {
  const codes = useCodeText();
  const parts = value.split("|");
  if (parts.length !== 3) return <span translate="no">{value}</span>;
  const [industry, region, risk] = parts as [string, string, string];
  return (
    <>
      <span translate="no">
        {industry} · {region}
      </span>{" "}
      · {codes.riskLevel(risk)}
    </>
  );
}
