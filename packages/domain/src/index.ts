export * from "./api/responses";
export * from "./reference";
export * from "./survey-return";
export * from "./vocabulary";
export * from "./survey-file/index";
export * from "./metrics/index";
export * from "./stats/index";
