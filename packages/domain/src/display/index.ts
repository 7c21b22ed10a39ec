export * from "./area-order";
export * from "./words";
