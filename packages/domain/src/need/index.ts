export * from "./model";
export * from "./parameters";
