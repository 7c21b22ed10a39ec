export * from "./change-label";
export * from "./confirm";
export * from "./diff";
export * from "./register";
export * from "./tracker";
