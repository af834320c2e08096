/**
 * The part of better-sqlite3's API the benchmark uses (the package ships no types and
 * @types/better-sqlite3 is not installed). Same shape as @types/better-sqlite3, so this file can
 * simply be deleted if that package is added.
 */
declare module "better-sqlite3" {
  namespace Database {
    interface RunResult { changes: number; lastInsertRowid: number | bigint }
    interface Statement {
      readonly reader: boolean;
      run(...params: unknown[]): RunResult;
      all(...params: unknown[]): unknown[];
      get(...params: unknown[]): unknown;
    }
    interface Database {
      exec(sql: string): this;
      prepare(sql: string): Statement;
      transaction<F extends (...args: never[]) => unknown>(fn: F): F;
      close(): this;
    }
  }
  const Database: new (filename?: string, options?: object) => Database.Database;
  export default Database;
}
