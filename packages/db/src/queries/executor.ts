import type { Kysely, Transaction } from "kysely";
import type { Database } from "../database";

/** A query function takes the database or a transaction: the caller owns the transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;
