export * from "./period";
export * from "./bank-date";
export * from "./override-term";
