export * from "./control-characters";
