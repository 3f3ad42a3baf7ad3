export * from "./control-characters";
export * from "./other-language";
