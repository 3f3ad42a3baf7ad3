export * from "./period";
export * from "./bank-date";
