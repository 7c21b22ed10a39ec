export * from "./api/responses";
export * from "./metrics/index";
export * from "./notices";
export * from "./reference";
export * from "./stats/index";
export * from "./survey-file/index";
export * from "./survey-return";
export * from "./vocabulary";
