/**
 * Compile-time checks, used by the socket modules: nothing of this exists at run time, and index.ts does not export it.
 *
 *   export type ChatClientDataMatches = Exactly<Equal<keyof VisitorClientData, VisitorClientFrameType>>;
 *
 * compiles only when the map of frame data has an entry for exactly the names in the list.
 */
export type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Exactly<T extends true> = T;
