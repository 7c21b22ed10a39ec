export * from "./reference";
export * from "./survey-return";
export * from "./vocabulary";
