/** The D1 binding as the db modules use it (tests may pass a counting wrapper). */
export type Db = D1Database;
export type Stmt = D1PreparedStatement;
