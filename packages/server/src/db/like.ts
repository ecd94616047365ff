/** LIKE patterns from what a user typed: `%` and `_` in it match only themselves. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Matches text containing `text`. */
export const containing = (text: string): string => `%${escapeLike(text)}%`;

/** Matches text starting with `text`. */
export const startingWith = (text: string): string => `${escapeLike(text)}%`;
