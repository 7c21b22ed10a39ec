export * from "./compare";
export * from "./funnel";
export * from "./gamma";
export * from "./interval";
export * from "./normal";
export * from "./poisson";
export * from "./wilson";
